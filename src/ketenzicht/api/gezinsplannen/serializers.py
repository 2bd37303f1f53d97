"""JSON shape of the household plan for a member organisation: camelCase, Dutch names."""

from rest_framework import serializers

from ketenzicht.plans.models import ActionHolder, LifeArea, PlanCloseReason, PlanStatus


class GezinsplanZorgSerializer(serializers.Serializer):
    leefgebied = serializers.ChoiceField(source="area", choices=LifeArea.choices)
    zorg = serializers.CharField(source="concern")


class GezinsplanDoelSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    voor = serializers.SerializerMethodField(help_text="Uuid van het lid van het huishouden, of null: "
                                                       "het hele huishouden.")
    doel = serializers.CharField(source="goal")
    waaraanZienWeVooruitgang = serializers.CharField(source="progress_sign")
    bereiktOp = serializers.DateField(source="achieved_on", allow_null=True)

    def get_voor(self, goal) -> str | None:
        return str(goal.member.uuid) if goal.member_id else None


class GezinsplanActieSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    wie = serializers.ChoiceField(source="holder_kind", choices=ActionHolder.choices)
    uitvoerder = serializers.CharField(source="holder", help_text="Wie de actie uitvoert, in woorden.")
    organisatie = serializers.SerializerMethodField(help_text="Slug van de organisatie die de actie "
                                                              "uitvoert, of null (gezin, netwerk).")
    wat = serializers.CharField(source="what")
    uiterlijk = serializers.DateField(source="due_on")
    isHulp = serializers.BooleanField(source="is_help")
    hulpGestartOp = serializers.DateField(source="help_started_on", allow_null=True)
    gedaanOp = serializers.DateField(source="done_on", allow_null=True)
    overleg = serializers.SerializerMethodField(help_text="Uuid van het MDO of de consultatie, of null.")

    def get_organisatie(self, action) -> str | None:
        if action.professional_id:
            return action.professional.organisation.slug
        return action.organisation.slug if action.organisation_id else None

    def get_overleg(self, action) -> str | None:
        return str(action.meeting.uuid) if action.meeting_id else None


class GezinsplanDeelnemerSerializer(serializers.Serializer):
    organisatie = serializers.CharField(source="organisation.slug")
    naam = serializers.SerializerMethodField()
    rol = serializers.CharField(source="role")
    telefoon = serializers.CharField(source="phone")
    email = serializers.CharField()

    def get_naam(self, member) -> str | None:
        return member.professional.display_name if member.professional_id else None


class GezinsplanRegisseurSerializer(serializers.Serializer):
    naam = serializers.CharField(source="name", help_text="De regisseur, of de achtervang als de ouders "
                                                          "zelf regie voeren.")
    organisatie = serializers.CharField(source="organisation_slug")
    telefoon = serializers.CharField(source="phone")
    email = serializers.CharField()
    oudersVoerenRegie = serializers.BooleanField(source="parents_keep_regie")


class GezinsplanSerializer(serializers.Serializer):
    uuid = serializers.UUIDField()
    huishouden = serializers.UUIDField(source="household.uuid")
    status = serializers.ChoiceField(choices=PlanStatus.choices)
    versie = serializers.IntegerField(source="version")
    vraagVanHetGezin = serializers.CharField(source="family_question")
    visieVanHetGezin = serializers.CharField(source="family_view")
    krachten = serializers.CharField(source="strengths")
    netwerk = serializers.CharField(source="network")
    veiligheidsafspraken = serializers.CharField(source="safety_agreements")
    zorgen = GezinsplanZorgSerializer(many=True, source="concern_list")
    doelen = GezinsplanDoelSerializer(many=True, source="goal_list")
    acties = GezinsplanActieSerializer(many=True, source="action_list")
    deelnemers = GezinsplanDeelnemerSerializer(many=True, source="member_list")
    regisseur = GezinsplanRegisseurSerializer(allow_null=True, source="lead")
    evaluatieElkeMaanden = serializers.IntegerField(source="review_months")
    volgendeEvaluatie = serializers.DateField(source="next_review", allow_null=True)
    oudersAkkoordOp = serializers.DateField(source="parents_agreed_on", allow_null=True)
    jeugdigeAkkoordOp = serializers.DateField(source="youth_agreed_on", allow_null=True)
    gewijzigdOp = serializers.DateTimeField(source="updated_at")
    geslotenOp = serializers.DateTimeField(source="closed_at", allow_null=True)
    redenSluiten = serializers.ChoiceField(source="close_reason",
                                           choices=[("", ""), *PlanCloseReason.choices])
