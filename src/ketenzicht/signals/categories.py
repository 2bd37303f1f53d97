"""What a signal can be about (zorgsignaal-categorieën) and how urgent it is.

The categories name the less visible signals the inspectors found missed or shared late (report
§3): neglect, poverty, partner violence, vechtscheiding, addiction, school absence. They are
codes (``kebab-case``, as the API takes them), grouped here because the routing rules speak of
groups: abuse and domestic violence, adults' circumstances, crises.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    PHYSICAL_ABUSE = "lichamelijke-mishandeling", _("Lichamelijke mishandeling")
    EMOTIONAL_ABUSE = "emotionele-mishandeling", _("Emotionele mishandeling")
    SEXUAL_ABUSE = "seksueel-misbruik", _("Seksueel misbruik")
    PHYSICAL_NEGLECT = "lichamelijke-verwaarlozing", _("Lichamelijke verwaarlozing")
    EMOTIONAL_NEGLECT = "emotionele-verwaarlozing", _("Emotionele verwaarlozing")
    PARTNER_VIOLENCE = "huiselijk-geweld-partners", _("Huiselijk geweld tussen partners")
    CONTESTED_DIVORCE = "vechtscheiding", _("Vechtscheiding")
    PARENT_ADDICTION = "verslaving-ouder", _("Verslaving van een ouder")
    PARENT_PSYCHIATRY = "psychiatrie-ouder", _("Psychiatrische problemen van een ouder")
    PARENT_LVB = "lvb-ouder", _("Licht verstandelijke beperking van een ouder")
    POVERTY = "armoede", _("Armoede")
    DEBTS = "schulden", _("Schulden")
    HOUSING = "huisvesting", _("Huisvesting")
    SCHOOL_ABSENCE = "schoolverzuim", _("Schoolverzuim")
    CARE_AVOIDANCE = "zorgmijding", _("Zorgmijding")
    YOUTH_BEHAVIOUR = "gedrag-jeugdige", _("Gedrag van de jeugdige")
    YOUTH_CRISIS = "crisis-jeugdige", _("Crisis bij de jeugdige")
    OTHER = "overig", _("Overig")


class Urgency(models.TextChoices):
    ACUTE = "acuut", _("Acuut: direct gevaar")
    URGENT = "spoed", _("Spoed: binnen enkele dagen")
    REGULAR = "regulier", _("Regulier")


#: Suspected abuse or domestic violence: with urgency ``acuut`` a report to Veilig Thuis.
ABUSE_OR_DOMESTIC_VIOLENCE = frozenset({
    Category.PHYSICAL_ABUSE, Category.EMOTIONAL_ABUSE, Category.SEXUAL_ABUSE,
    Category.PHYSICAL_NEGLECT, Category.EMOTIONAL_NEGLECT, Category.PARTNER_VIOLENCE,
})

#: Adults' circumstances: on their own, about an adult, they go to the sociaal gebiedsteam.
ADULT_CIRCUMSTANCES = frozenset({Category.POVERTY, Category.DEBTS, Category.HOUSING})

#: Categories that say nothing about a child by themselves: about an adult, without a concern
#: about a child, they do not involve children (the others name a child or a parent).
NOT_ABOUT_A_CHILD = ADULT_CIRCUMSTANCES | {Category.CARE_AVOIDANCE, Category.OTHER}

#: The signals the kindcheck of each kind of adult care usually starts with (a proposal only).
CHILD_CHECK_CATEGORY_BY_TYPE = {
    "volwassen-ggz": Category.PARENT_PSYCHIATRY,
    "verslavingszorg": Category.PARENT_ADDICTION,
    "schuldhulp": Category.DEBTS,
}
