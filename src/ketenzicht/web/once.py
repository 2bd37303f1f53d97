"""A form sent twice does its work once: a double click, a page sent again after "back", a retry
after a time-out. The second answer is the first one's result page, with a message.

Any form whose POST records something can use it, in three steps::

    class MyForm(SentOnce, forms.Form): ...          # a hidden random token, ``formulier``
                                                     # (render it: ``{{ form.formulier }}``)
    if form.is_valid():
        earlier = once.claim(request, form.once_token(), fallback=back_url)
        if earlier is not None:
            return earlier                           # sent before: the first one's result
        try:
            made = service(...)
        except Refused:
            once.release(request, form.once_token()) # nothing recorded: it may be sent again
            ...
        else:
            once.done(request, form.once_token(), url_of(made))
            return redirect(url_of(made))

``claim`` inserts (user, token) in the request's transaction (``ATOMIC_REQUESTS``), before the
work: the unique constraint makes a second submit that arrives while the first is still working
wait for it on PostgreSQL, and then find its result. Should the work fail, the transaction rolls
the claim back with it, so a retry does the work. A form without a token (an old page) is not
guarded. Tokens are per user (someone else's token is just unknown) and forgotten after a day
(``forget_expired``, the job ``formulieren-opschonen``). The API has its own ``Idempotency-Key``
(``api.idempotency``).
"""

import uuid
from datetime import timedelta
from uuid import UUID

from django import forms
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import FormSubmission

TOKEN_FIELD = "formulier"  # noqa: S105 - the hidden field's name, no secret
#: How long a sent form is remembered: long enough for any double submit or retry.
RETENTION = timedelta(days=1)


class SentOnce:
    """A form mixin: the hidden one-time token (``formulier``), new for each empty form; a form
    shown again with its errors keeps its token."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields[TOKEN_FIELD] = forms.UUIDField(
            required=False, widget=forms.HiddenInput,
            error_messages={"invalid": gettext_lazy("Dit formulier is verlopen: open de pagina opnieuw.")})
        self.initial.setdefault(TOKEN_FIELD, uuid.uuid4())

    def once_token(self) -> UUID | None:
        return self.cleaned_data.get(TOKEN_FIELD)


def claim(request: HttpRequest, token: UUID | None, *, fallback: str) -> HttpResponse | None:
    """Claim the token for this user: None when the work is yours to do; otherwise the answer for
    a form sent before (a redirect to its result, or to ``fallback`` while it has none)."""
    if token is None:
        return None
    try:
        with transaction.atomic():
            FormSubmission.objects.create(user=request.user, token=token, submitted_at=timezone.now())
        return None
    except IntegrityError:
        # Sent before. On PostgreSQL the insert waited for the first one's transaction, so under
        # READ COMMITTED its result is visible now.
        earlier = FormSubmission.objects.filter(user=request.user, token=token).first()
    if earlier is not None and earlier.result_url:
        messages.info(request, _("U had dit formulier al verstuurd: het is één keer vastgelegd."))
        return redirect(earlier.result_url)
    messages.warning(request, _("Dit formulier is al verstuurd en wordt nog verwerkt. Kijk zo of het is "
                                "vastgelegd voordat u het opnieuw invult."))
    return redirect(fallback)


def done(request: HttpRequest, token: UUID | None, result_url: str) -> None:
    """The work is done: a second submit of the form goes to ``result_url``."""
    if token is not None:
        FormSubmission.objects.filter(user=request.user, token=token).update(result_url=result_url)


def release(request: HttpRequest, token: UUID | None) -> None:
    """Nothing was recorded (refused): the same form, corrected, may be sent again."""
    if token is not None:
        FormSubmission.objects.filter(user=request.user, token=token).delete()


def forget_expired(batch: int = 5000) -> int:
    """Delete the sent forms older than the retention, in batches; returns how many."""
    cutoff, deleted = timezone.now() - RETENTION, 0
    while True:
        ids = list(FormSubmission.objects.filter(submitted_at__lt=cutoff).order_by("submitted_at")
                   .values_list("id", flat=True)[:batch])
        if not ids:
            return deleted
        deleted += FormSubmission.objects.filter(id__in=ids).delete()[0]
