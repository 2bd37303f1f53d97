"""What the web face itself remembers: which forms were sent (``once``)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FormSubmission(models.Model):
    """One form sent by one user, claimed in the transaction of the work it did (``web.once``).

    The unique constraint on (user, token) makes the same form sent again wait for the first
    (PostgreSQL) and then find the first one's result instead of doing the work again. Holds no
    client data: a random token and the address of the page that shows the result.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+",
                             verbose_name=_("gebruiker"))
    token = models.UUIDField(_("formuliersleutel"))
    result_url = models.CharField(_("resultaat"), max_length=300, blank=True)
    submitted_at = models.DateTimeField(_("verstuurd op"), db_index=True)

    class Meta:
        verbose_name = _("verstuurd formulier")
        verbose_name_plural = _("verstuurde formulieren")
        constraints = [
            models.UniqueConstraint(fields=["user", "token"], name="web_form_sent_once"),
        ]

    def __str__(self) -> str:
        return f"{self.token} → {self.result_url or '…'}"
