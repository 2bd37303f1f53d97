"""Deactivating a professional's account, so that nothing stays in the name of someone who left.

One path, whichever way an account is made inactive: ``deactivate`` (for code and commands), the
admin's "actief" box and any other save of the user model that turns ``is_active`` off all pass
through ``announce_deactivation`` (a ``pre_save`` receiver), which sends
``events.professional_deactivated`` once, before the account is saved. A receiver that refuses
(``Refused``) stops the save: the account stays active. A bulk ``QuerySet.update`` passes no
``pre_save`` and so bypasses the rule: do not deactivate accounts that way.
"""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .events import professional_deactivated
from .models import Professional, Role

#: Set on a user instance by ``deactivate`` or the admin: the professional who deactivates it.
DEACTIVATED_BY = "_ketenzicht_deactivated_by"


@transaction.atomic
def deactivate(professional: Professional, by: Professional | None = None) -> None:
    """Make the professional's account inactive; its work goes where the listening apps send it.
    Raises ``Refused`` (and changes nothing) when a listening app refuses."""
    # Not locked here: each listening app calls ``lock_leaver_and_team_leads`` first.
    user = get_user_model()._default_manager.get(pk=professional.user_id)
    if not user.is_active:
        return
    user.is_active = False
    setattr(user, DEACTIVATED_BY, by)
    user.save(update_fields=["is_active"])
    professional.user.is_active = False


def announce_deactivation(sender, instance: AbstractBaseUser, raw: bool = False, **kwargs) -> None:
    """``pre_save`` of the user model: an active account about to be saved inactive is announced."""
    if raw or instance.pk is None or instance.is_active:
        return
    was_active = type(instance)._default_manager.filter(pk=instance.pk, is_active=True).exists()
    professional = Professional.objects.select_related("organisation", "user").filter(
        user_id=instance.pk).first()
    if not was_active or professional is None:
        return
    now: datetime = timezone.now()
    with transaction.atomic():
        professional_deactivated.send(sender=Professional, professional=professional,
                                      by=getattr(instance, DEACTIVATED_BY, None), now=now)


def lock_leaver_and_team_leads(leaving: Professional) -> None:
    """Lock the accounts of the one who leaves and of their organisation's teamleiders, in one
    order (by id) for every app that listens: two teamleiders leaving at once cannot each hand
    their work to the other, and a handover or proposal to the one who leaves (which locks that
    account) waits or is seen."""
    list(get_user_model()._default_manager.select_for_update(of=("self",))
         .filter(Q(pk=leaving.user_id) | Q(professional__organisation_id=leaving.organisation_id,
                                         professional__role=Role.TEAM_LEAD))
         .order_by("pk").values_list("pk", flat=True))
