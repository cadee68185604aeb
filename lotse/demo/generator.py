"""Building one office's organisations and people in memory (see services.seed_demo).

Everything is drawn from one `random.Random` per office, seeded with the office's
slug and the scale, so that the same office always gets the same records.
"""

import random
from dataclasses import dataclass, field

from lotse.accounts.models import Office
from lotse.core.names import folded, folded_key
from lotse.organisations.models import Organisation
from lotse.people.models import Gender, Person

from . import names as data_names
from . import places
from .names import COMMUNITIES, FEATURED, Community, Name
from .places import OfficeSpec, OrgSpec, office_slug

PEOPLE_PER_OFFICE = 100
ORGANISATIONS_PER_OFFICE = 10
# Ages are computed against a fixed year so that the data does not drift with the clock.
REFERENCE_YEAR = 2025

_TURKISH_ASCII = str.maketrans("İıŞşÇçĞğÖöÜü", "IiSsCcGgOoUu")
_GERMAN_UMLAUTS = (("Ö", "Oe"), ("ö", "oe"), ("Ü", "Ue"), ("ü", "ue"))


def _turkish_spelling(text: str, style: str) -> str:
    """Turkish names as German offices write them: as is, without Turkish letters, or ö → oe."""
    if style == "german":
        for letter, replacement in _GERMAN_UMLAUTS:
            text = text.replace(letter, replacement)
    if style in {"ascii", "german"}:
        text = text.translate(_TURKISH_ASCII)
    return text


def _feminine(family: str, original: str, rule: str) -> tuple[str, str]:
    if rule == "pl":
        for male, female in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
            if family.endswith(male):
                return family[: -len(male)] + female, original
    if rule == "ru" and family.endswith("ow"):
        return family + "a", (original + "а") if original else original
    return family, original


@dataclass(eq=False)
class PersonDraft:
    person: Person
    community: str
    gender: str
    languages: list[str]
    family: Name | None = None
    roles: set = field(default_factory=set)  # owner / guide: each adult gets at most one


@dataclass(eq=False)
class OrgDraft:
    spec: OrgSpec
    organisation: Organisation
    owner: PersonDraft | None = None


class OfficeBuilder:
    """Builds one office's organisations and people in memory."""

    def __init__(self, spec: OfficeSpec, office: Office, scale: int):
        self.spec = spec
        self.office = office
        self.scale = scale
        self.rng = random.Random(f"lotse-demo/{spec.slug}/{scale}")
        mix = data_names.MIX.get(spec.slug, data_names.DEFAULT_MIX)
        self.mix_keys = list(mix)
        self.mix_weights = list(mix.values())
        self.orgs: list[OrgDraft] = []
        self.people: list[PersonDraft] = []
        self.links: list[tuple[PersonDraft, PersonDraft]] = []
        self.affiliations: list[tuple[PersonDraft, OrgDraft, str, str]] = []
        self.featured: dict[str, PersonDraft] = {}
        self.people_target = PEOPLE_PER_OFFICE * scale

    # -- helpers

    def community(self) -> Community:
        return COMMUNITIES[self.rng.choices(self.mix_keys, self.mix_weights)[0]]

    def spelling(self, name: Name) -> str:
        if len(name.spellings) == 1 or self.rng.random() < 0.6:
            return name.spellings[0]
        return self.rng.choice(name.spellings[1:])

    def address(self) -> tuple[str, str]:
        street = f"{self.rng.choice(self.spec.streets)} {self.rng.randint(1, 140)}"
        return street, self.rng.choice(self.spec.postcodes)

    def mobile(self) -> str:
        prefix = self.rng.choice(
            ("0151", "0152", "0157", "0160", "0162", "0170", "0172", "0173", "0176", "0177", "0178")
        )
        return f"{prefix} {self.rng.randint(1000000, 99999999)}"

    def birth(self, young: bool, community: Community) -> dict:
        rng = self.rng
        year = (
            rng.randint(REFERENCE_YEAR - 22, REFERENCE_YEAR - 14)
            if young
            else rng.randint(REFERENCE_YEAR - 58, REFERENCE_YEAR - 34)
        )
        roll = rng.random()
        if roll < community.placeholder_share:
            return {
                "birth_year": year,
                "birth_month": 1,
                "birth_day": 1,
                "birth_date_placeholder": True,
            }
        roll -= community.placeholder_share
        if roll < community.year_only_share:
            return {"birth_year": year}
        if roll < community.year_only_share + 0.03:
            return {"birth_year": year, "birth_month": rng.randint(1, 12)}
        if not young and roll > 0.9:
            return {}  # unknown
        return {
            "birth_year": year,
            "birth_month": rng.randint(1, 12),
            "birth_day": rng.randint(1, 28),
        }

    # -- people

    def person(
        self,
        community: Community,
        gender: str,
        *,
        given: Name | None = None,
        family: Name | None = None,
        family_text: str | None = None,
        young: bool = False,
        style: str | None = None,
        original: bool | None = None,
        **fields,
    ) -> PersonDraft:
        rng = self.rng
        female = gender == Gender.FEMALE
        given = given or rng.choice(community.female if female else community.male)
        family = family or rng.choice(community.family)
        given_text = self.spelling(given)
        family_text = family_text or self.spelling(family)
        given_original, family_original = given.original, family.original
        if female and community.feminine:
            family_text, family_original = _feminine(
                family_text, family_original, community.feminine
            )
        if community.transliterate_turkish:
            style = style or rng.choices(("turkish", "ascii", "german"), (65, 20, 15))[0]
            given_text = _turkish_spelling(given_text, style)
            family_text = _turkish_spelling(family_text, style)
        if original is None:
            original = rng.random() < community.original_share
        if not (original and given_original and family_original):
            given_original = family_original = ""

        recorded_gender = gender
        roll = rng.random()
        if roll < 0.02:
            recorded_gender = Gender.NOT_STATED
        elif roll < 0.025:
            recorded_gender = Gender.DIVERSE

        languages = [code for code, share in community.languages if rng.random() < share]
        if not languages:
            languages = [community.languages[0][0]]

        values = {
            "given_names": given_text,
            "family_name": family_text,
            "given_names_original": given_original,
            "family_name_original": family_original,
            "gender": recorded_gender,
            "town": self.spec.town,
        }
        if rng.random() < 0.7:
            values["street"], values["postcode"] = self.address()
        if rng.random() < 0.65:
            values["phone"] = self.mobile()
        if rng.random() < 0.4:
            local = f"{folded(given_text)}.{folded(family_text)}".replace(" ", "-")
            values["email"] = f"{local}@example.{rng.choice(('net', 'org', 'com'))}"
        chosen_languages = fields.pop("languages", None)
        # birth=False: unknown (contact persons); birth=True: given in FIELDS.
        birth = fields.pop("birth", None)
        if birth is None:
            values.update(self.birth(young, community))
        values.update(fields)
        draft = PersonDraft(
            person=Person(office=self.office, **values),
            community=community.key,
            gender=gender,
            languages=chosen_languages or languages,
            family=family,
        )
        self.people.append(draft)
        return draft

    def family(self, community: Community, room: int) -> None:
        """A household: 1–3 young people, often a mother and/or father, at most ROOM people."""
        rng = self.rng
        father_given = rng.choice(community.male)
        father_family = rng.choice(community.family)
        children_family = father_given if community.naming == "patronym" else father_family
        style = rng.choices(("turkish", "ascii", "german"), (65, 20, 15))[0]
        n_children = rng.choices((1, 2, 3), (65, 27, 8))[0]
        roll = rng.random()
        with_mother = roll < 0.6
        with_father = roll >= 0.45 and roll < 0.9
        children = []
        for _ in range(min(n_children, room)):
            gender = rng.choice((Gender.FEMALE, Gender.MALE))
            children.append(
                self.person(
                    community,
                    gender,
                    family=children_family,
                    young=True,
                    # Siblings are sometimes spelled differently in different documents.
                    style=style if rng.random() < 0.9 else None,
                    is_young_person=True,
                )
            )
        room -= len(children)
        parents = []
        if with_mother and room > 0:
            mother_family = (
                rng.choice(community.family)
                if community.naming in {"own", "patronym"}
                else father_family
            )
            parents.append(
                self.person(
                    community, Gender.FEMALE, family=mother_family, style=style, is_parent=True
                )
            )
            room -= 1
        if with_father and room > 0:
            parents.append(
                self.person(
                    community,
                    Gender.MALE,
                    given=father_given,
                    family=father_family,
                    style=style,
                    is_parent=True,
                )
            )
        for parent in parents:
            for child in children:
                self.links.append((parent, child))

    def contact(self, org: OrgDraft, role: str, note: str) -> None:
        community = COMMUNITIES["german"] if self.rng.random() < 0.75 else self.community()
        gender = self.rng.choice((Gender.FEMALE, Gender.MALE))
        draft = self.person(community, gender, is_contact=True, birth=False)
        draft.person.street = draft.person.postcode = ""
        self.affiliations.append((draft, org, role, note))

    # -- organisations

    def org(self, spec: OrgSpec) -> OrgDraft:
        town = self.spec.town
        values = {
            "name": spec.name.replace("{town}", town),
            "kind": spec.kind,
            "institution_type": spec.institution_type,
            "street": spec.street,
            "postcode": spec.postcode,
            "town": town,
            "sector": spec.sector,
            "size_class": spec.size_class,
            "migrant_led": spec.migrant_led,
            "chamber": spec.chamber,
            "notes": spec.notes,
        }
        if not values["street"] and self.rng.random() < 0.85:
            values["street"], values["postcode"] = self.address()
        if self.rng.random() < 0.8:
            values["phone"] = (
                f"{self.spec.area_code} / {self.rng.randint(10, 99)} "
                f"{self.rng.randint(10, 99)} {self.rng.randint(0, 99):02d}"
            )
        draft = OrgDraft(spec=spec, organisation=Organisation(office=self.office, **values))
        self.orgs.append(draft)
        return draft

    def generated_org_specs(self, count: int, used: set[str]) -> list[OrgSpec]:
        rng = self.rng
        town = self.spec.town
        specs = []
        kinds = ("company", "school", "migrant_org", "provider")
        weights = (76, 8, 9, 7)
        while len(specs) < count:
            kind = rng.choices(kinds, weights)[0]
            if kind == "company":
                pattern, sector, chamber, sizes = rng.choice(places.COMPANY_TEMPLATES)
                migrant_led = rng.random() < 0.65
                community = self.community().key if migrant_led else "german"
                name = pattern.replace("{place}", rng.choice(places.RESTAURANT_PLACES))
                name += rng.choice(places.LEGAL_FORMS) if "{given}" not in name else ""
                spec = OrgSpec(
                    name,
                    "company",
                    sector=sector,
                    size_class=rng.choice(sizes),
                    migrant_led=migrant_led,
                    chamber=chamber,
                    community=community,
                    owner_gender=rng.choice(("m", "f")),
                )
            elif kind == "school":
                name = f"{rng.choice(places.SCHOOL_NAMES)}-{rng.choice(places.SCHOOL_KINDS)} {town}"
                spec = OrgSpec(name, "school")
            elif kind == "migrant_org":
                community = self.community()
                pattern = rng.choice(community.mso)
                name = pattern.format(town=f"{town}-{rng.choice(places.DISTRICTS)}")
                langs = tuple(code for code, share in community.languages if share >= 0.5)
                spec = OrgSpec(name, "migrant_org", languages=langs, community=community.key)
            else:
                pattern, org_kind, institution_type = rng.choice(places.PROVIDER_TEMPLATES)
                name = pattern.format(town=town, place=rng.choice(places.DISTRICTS))
                spec = OrgSpec(name, org_kind, institution_type=institution_type)
            if spec.name in used and "{" not in spec.name:
                continue  # try again; names with an owner placeholder are unique enough
            used.add(spec.name)
            specs.append(spec)
        return specs

    # -- the whole office

    def build(self) -> None:
        rng = self.rng
        curated = places.CURATED_ORGS.get(self.spec.slug) or places.generic_orgs(
            self.spec.town, self.spec.land
        )
        target_orgs = max(len(curated), ORGANISATIONS_PER_OFFICE * self.scale)
        used = {spec.name for spec in curated}
        specs = [*curated, *self.generated_org_specs(target_orgs - len(curated), used)]
        for spec in specs:
            self.org(spec)
        by_template = {draft.spec.name: draft for draft in self.orgs}

        self.add_featured(by_template)

        # Contact persons: one per institution, provider and company without a migrant
        # owner, a teacher per school — at most a fifth of the office's people.
        staff_room = self.people_target // 5
        notes = {
            "employment_agency": "Berufsberatung",
            "jobcenter": "Arbeitsvermittlung U25",
            "ihk": "Ausbildungsberatung",
            "hwk": "Ausbildungsberatung",
            "city": "Integrationsbeauftragte·r",
            "migration_council": "Vorsitz",
        }
        for org in self.orgs:
            if staff_room <= 0:
                break
            kind = org.spec.kind
            if kind == "school":
                self.contact(org, "teacher", "Studien- und Berufswahlkoordination (StuBo)")
            elif kind == "institution":
                self.contact(org, "contact", notes.get(org.spec.institution_type, ""))
            elif kind == "provider" or (kind == "company" and not org.spec.migrant_led):
                self.contact(org, "contact", "Ausbildungsleitung" if kind == "company" else "")
            else:
                continue
            staff_room -= 1

        # Families fill the office up to its number of people.
        while len(self.people) < self.people_target:
            self.family(self.community(), self.people_target - len(self.people))

        parents = [p for p in self.people if p.person.is_parent]
        rng.shuffle(parents)
        young = [p for p in self.people if p.person.is_young_person]
        schools = [o for o in self.orgs if o.spec.kind == "school"]
        companies = [o for o in self.orgs if o.spec.kind == "company"]

        self.assign_owners(parents)
        self.assign_guides(parents)

        # Young people at school or in training.
        featured = {id(draft) for draft in self.featured.values()}
        for draft in young:
            if id(draft) in featured:
                continue
            roll = rng.random()
            if schools and roll < 0.35:
                self.affiliations.append((draft, rng.choice(schools), "pupil", ""))
            elif companies and roll > 0.96:
                note = rng.choice(("Einstiegsqualifizierung (EQ)", "Ausbildung", "Praktikum"))
                self.affiliations.append((draft, rng.choice(companies), "apprentice", note))

        self.finish_org_names()

    def add_featured(self, by_template: dict[str, OrgDraft]) -> None:
        for item in FEATURED.get(self.spec.slug, []):
            community = COMMUNITIES[item["community"]]
            year, month, day = item["birth"]
            kind_fields = {
                f"is_{kind}": True for kind in (item["kind"], *item.get("extra_kinds", ()))
            }
            given = self._name(community, item["given"], male=item["gender"] == "male")
            draft = self.person(
                community,
                Gender.FEMALE if item["gender"] == "female" else Gender.MALE,
                # Featured names are spelled exactly as given.
                given=Name((item["given"],), given.original),
                family=self._family_name(community, item["family"]),
                family_text=item["family"],
                style="turkish",
                original=item.get("original", False),
                birth_year=year,
                birth_month=month,
                birth_day=day,
                birth_date_placeholder=item.get("placeholder", False),
                birth=True,
                languages=list(item["languages"]),
                notes=item.get("notes", ""),
                **kind_fields,
            )
            draft.person.gender = item["gender"]
            self.featured[item["key"]] = draft
            if "affiliation" in item:
                template, role = item["affiliation"]
                self.affiliations.append((draft, by_template[template], role, ""))
            if "owner" in item:
                org = by_template[item["owner"]]
                org.owner = draft
                draft.roles.add("owner")
                self.affiliations.append((draft, org, "owner", ""))
        for item in FEATURED.get(self.spec.slug, []):
            for child_key in item.get("children", ()):
                self.links.append((self.featured[item["key"]], self.featured[child_key]))

    @staticmethod
    def _name(community: Community, text: str, male: bool) -> Name:
        for name in community.male if male else community.female:
            if text in name.spellings:
                return name
        return Name((text,))

    @staticmethod
    def _family_name(community: Community, text: str) -> Name:
        for name in (*community.family, *community.male):
            if (
                text in name.spellings
                or _feminine(name.spellings[0], "", community.feminine)[0] == text
            ):
                original = name.original
                if community.feminine == "ru" and text.endswith("owa") and original:
                    original += "а"
                return Name((text,), original)
        return Name((text,))

    def assign_owners(self, parents: list[PersonDraft]) -> None:
        """Migrant-led companies get an owner: a parent of the same community if there is one."""
        for org in self.orgs:
            if org.spec.kind != "company" or not org.spec.migrant_led or org.owner:
                continue
            gender = Gender.FEMALE if org.spec.owner_gender == "f" else Gender.MALE
            candidates = [p for p in parents if not p.roles and p.community == org.spec.community]
            owner = next((p for p in candidates if p.gender == gender), None) or next(
                iter(candidates), None
            )
            if owner is None:
                continue
            owner.roles.add("owner")
            owner.person.is_entrepreneur = True
            org.owner = owner
            self.affiliations.append((owner, org, "owner", ""))

    def assign_guides(self, parents: list[PersonDraft]) -> None:
        """Each MSO has one or two volunteer guides from its community, and some members."""
        rng = self.rng
        for org in self.orgs:
            if org.spec.kind != "migrant_org":
                continue
            candidates = [p for p in parents if not p.roles and p.community == org.spec.community]
            for index, guide in enumerate(candidates[: rng.choice((1, 1, 2))]):
                guide.roles.add("guide")
                guide.person.is_guide = True
                role = "mso_board" if index == 0 else "mso_member"
                self.affiliations.append((guide, org, role, "Elternlotse·in"))
            for member in candidates[2:]:
                if rng.random() < 0.1:
                    member.roles.add("member")
                    self.affiliations.append((member, org, "mso_member", ""))

    def finish_org_names(self) -> None:
        """Companies named after their owners; languages of MSOs and migrant-led companies."""
        rng = self.rng
        for org in self.orgs:
            organisation, spec = org.organisation, org.spec
            if "{" in organisation.name:
                if org.owner is not None:
                    given = org.owner.person.given_names
                    family = org.owner.person.family_name
                else:
                    community = COMMUNITIES[spec.community or "german"]
                    female = spec.owner_gender == "f"
                    given = self.spelling(
                        rng.choice(community.female if female else community.male)
                    )
                    family = self.spelling(rng.choice(community.family))
                organisation.name = organisation.name.replace("{family}", family).replace(
                    "{given}", given.split()[0]
                )
            if spec.website and rng.random() < 0.6:
                domain = office_slug(organisation.name)[:50].strip("-")
                organisation.website = f"https://www.{domain}.example"
                organisation.email = f"info@{domain}.example"
            organisation.search_key = folded_key(organisation.name, organisation.town)[:400]

    def org_languages(self, org: OrgDraft) -> list[str]:
        if org.spec.languages:
            return list(org.spec.languages)
        if org.owner is not None:
            return ["de", *[code for code in org.owner.languages if code != "de"][:2]]
        if org.spec.kind in {"school", "institution"}:
            return ["de", "en"]
        return ["de"]
