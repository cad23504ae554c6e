"""The identity-block options of `person add` and `person update`, declared once.

Both commands take the same field options; `update` adds the PERSON argument. The options are
declared on `field_options` and copied onto each command's signature (Typer reads
`__signature__`), so the two commands can never drift apart.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from caseterm.i18n import _

F = TypeVar("F", bound=Callable[..., Any])
Text = Annotated[str | None, typer.Option(show_default=False)]


def _opt(help_text: str, *names: str) -> Any:
    return typer.Option(*names, help=help_text, show_default=False)


def field_options(
    name: Annotated[str | None, _opt(_('Full name, e.g. "Nguyễn Văn An".'), "--name")] = None,
    alias: Annotated[
        list[str] | None, _opt(_("Other name (repeat for several)."), "--alias")
    ] = None,
    dob: Annotated[
        str | None, _opt(_("Date of birth: dd/mm/yyyy, or the year alone."), "--dob")
    ] = None,
    sex: Annotated[str | None, _opt(_("nam/nữ (male/female)."), "--sex")] = None,
    id_type: Annotated[
        str | None, _opt("CC, CCCD, CMND, PASSPORT (HC), VNEID.", "--id-type")
    ] = None,
    id_number: Annotated[str | None, _opt(_("ID document number."), "--id-number")] = None,
    id_issue_date: Annotated[str | None, _opt(_("ID issue date."), "--id-issue-date")] = None,
    id_issue_place: Annotated[str | None, _opt(_("ID issue place."), "--id-issue-place")] = None,
    village: Annotated[str | None, _opt(_("Village / residential group."), "--village")] = None,
    birth_place: Annotated[str | None, _opt(_("Place of birth."), "--birth-place")] = None,
    origin_place: Annotated[
        str | None, _opt(_("Place of origin (quê quán)."), "--origin-place")
    ] = None,
    permanent_address: Annotated[
        str | None, _opt(_("Permanent residence."), "--permanent-address")
    ] = None,
    temporary_address: Annotated[
        str | None, _opt(_("Temporary residence."), "--temporary-address")
    ] = None,
    current_address: Annotated[str | None, _opt(_("Current address."), "--current-address")] = None,
    residence_status: Annotated[
        str | None, _opt(_("on dinh / khong on dinh (stable / not_stable)."), "--residence-status")
    ] = None,
    ethnicity: Annotated[str | None, _opt(_("Ethnicity."), "--ethnicity")] = None,
    religion: Annotated[str | None, _opt(_("Religion."), "--religion")] = None,
    nationality: Annotated[str | None, _opt(_("Nationality."), "--nationality")] = None,
    education: Annotated[str | None, _opt(_("Education."), "--education")] = None,
    education_level: Annotated[
        str | None,
        _opt(
            _("Education level: chua di hoc, tieu hoc, THCS, THPT, dai hoc, sau dai hoc."),
            "--education-level",
        ),
    ] = None,
    occupation: Annotated[str | None, _opt(_("Occupation."), "--occupation")] = None,
    workplace: Annotated[str | None, _opt(_("Workplace or school."), "--workplace")] = None,
    phone: Annotated[str | None, _opt(_("Phone."), "--phone")] = None,
    social_account: Annotated[
        str | None, _opt(_("Social media account."), "--social-account")
    ] = None,
    father: Annotated[str | None, _opt(_("Father's name."), "--father")] = None,
    mother: Annotated[str | None, _opt(_("Mother's name."), "--mother")] = None,
    father_id: Annotated[str | None, _opt(_("Father's ID number."), "--father-id")] = None,
    father_id_date: Annotated[
        str | None, _opt(_("Father's ID issue date."), "--father-id-date")
    ] = None,
    father_id_place: Annotated[
        str | None, _opt(_("Father's ID issue place."), "--father-id-place")
    ] = None,
    father_phone: Annotated[str | None, _opt(_("Father's phone."), "--father-phone")] = None,
    father_birth_year: Annotated[
        str | None, _opt(_("Father's year of birth."), "--father-birth-year")
    ] = None,
    mother_id: Annotated[str | None, _opt(_("Mother's ID number."), "--mother-id")] = None,
    mother_id_date: Annotated[
        str | None, _opt(_("Mother's ID issue date."), "--mother-id-date")
    ] = None,
    mother_id_place: Annotated[
        str | None, _opt(_("Mother's ID issue place."), "--mother-id-place")
    ] = None,
    mother_phone: Annotated[str | None, _opt(_("Mother's phone."), "--mother-phone")] = None,
    mother_birth_year: Annotated[
        str | None, _opt(_("Mother's year of birth."), "--mother-birth-year")
    ] = None,
    representative: Annotated[
        str | None, _opt(_("Legal representative (for 12 to under 18)."), "--representative")
    ] = None,
    drug: Annotated[
        list[str] | None, _opt(_("Drug type (repeat): heroin, ma tuy tong hop, can sa…"), "--drug")
    ] = None,
    route: Annotated[
        list[str] | None, _opt(_("Route of use (repeat): tiem chich, hit, uong…"), "--route")
    ] = None,
    psychosis: Annotated[
        bool | None, _opt(_("Drug-induced psychosis (ngáo đá)."), "--psychosis/--no-psychosis")
    ] = None,
    use_started: Annotated[
        str | None, _opt(_("When use started (date or year)."), "--use-started")
    ] = None,
    prior: Annotated[
        list[str] | None,
        _opt(
            _(
                'An earlier conviction or sanction (repeat): "tien su ma tuy | 12/QD-XPHC | '
                '05/03/2023 | Cong an xa Tan An | phat tien 1.500.000 dong". Kinds: tien an ma '
                'tuy, tien su ma tuy, tien an khac, tien su khac. Replaces the list; "" empties '
                "it."
            ),
            "--prior",
        ),
    ] = None,
    past_rehab: Annotated[
        list[str] | None,
        _opt(
            _(
                'An earlier rehab episode (repeat): "bat buoc | Co so cai nghien so 1 | '
                '01/2019 | 01/2021 | 05/QD-TA | TAND huyen Tien Du". Forms: gia dinh, tu '
                'nguyen, bat buoc, sau cai. Replaces the list; "" empties it.'
            ),
            "--past-rehab",
        ),
    ] = None,
) -> dict[str, Any]:
    """Collect the field options into the form-value mapping of `services.registry.forms`."""
    values: dict[str, Any] = {
        "full_name": name,
        "aliases": alias,
        "birth": dob,
        "sex": sex,
        "id_type": id_type,
        "id_number": id_number,
        "id_issue_date": id_issue_date,
        "id_issue_place": id_issue_place,
        "village": village,
        "birth_place": birth_place,
        "origin_place": origin_place,
        "permanent_address": permanent_address,
        "temporary_address": temporary_address,
        "current_address": current_address,
        "residence_status": residence_status,
        "ethnicity": ethnicity,
        "religion": religion,
        "nationality": nationality,
        "education": education,
        "education_level": education_level,
        "occupation": occupation,
        "workplace": workplace,
        "phone": phone,
        "social_account": social_account,
        "father": father,
        "mother": mother,
        "representative": representative,
        "father_id": father_id,
        "father_id_date": father_id_date,
        "father_id_place": father_id_place,
        "father_phone": father_phone,
        "father_birth_year": father_birth_year,
        "mother_id": mother_id,
        "mother_id_date": mother_id_date,
        "mother_id_place": mother_id_place,
        "mother_phone": mother_phone,
        "mother_birth_year": mother_birth_year,
        "prior_decisions": prior,
        "past_rehab": past_rehab,
        "drug_types": drug,
        "routes": route,
        "psychosis": psychosis,
        "use_started": use_started,
    }
    return {key: value for key, value in values.items() if value is not None}


FIELD_NAMES = tuple(inspect.signature(field_options).parameters)


def with_field_options(command: F) -> F:
    """Give `command` the field options after its own parameters (it receives them as kwargs)."""
    own = [
        p
        for p in inspect.signature(command, eval_str=True).parameters.values()
        if p.kind is not p.VAR_KEYWORD
    ]
    fields = [
        p.replace(kind=p.KEYWORD_ONLY)
        for p in inspect.signature(field_options, eval_str=True).parameters.values()
    ]
    own_positional = [p for p in own if p.kind is not p.KEYWORD_ONLY]
    own_keyword = [p for p in own if p.kind is p.KEYWORD_ONLY]
    parameters = [*own_positional, *own_keyword, *fields]
    command.__signature__ = inspect.Signature(parameters)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in parameters}
    return command


def split_fields(kwargs: dict[str, Any]) -> dict[str, Any]:
    """Return the form values of the field options found in a command's kwargs."""
    return field_options(**{key: kwargs[key] for key in FIELD_NAMES if key in kwargs})
