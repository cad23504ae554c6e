"""Synthetic Vietnamese persons for the demo and benchmarks (seeded, realistic, never real).

Family names follow their rough frequency in Việt Nam; CCCD numbers are well-formed and agree
with the birth year and sex; a share of people have aliases, legacy year-only birth dates, or
no document at all.
"""

from __future__ import annotations

import random
from collections.abc import Iterator

from caseterm.domain.cccd import century_sex_digit
from caseterm.domain.codes import DrugType, IdType, ResidenceStatus, Route, Sex
from caseterm.domain.dates import PartialDate
from caseterm.domain.person import DrugProfile, FamilyMember, PersonRecord

FAMILY = [
    ("Nguyễn", 38),
    ("Trần", 11),
    ("Lê", 9),
    ("Phạm", 7),
    ("Hoàng", 5),
    ("Huỳnh", 4),
    ("Phan", 4),
    ("Vũ", 4),
    ("Võ", 3),
    ("Đặng", 2),
    ("Bùi", 2),
    ("Đỗ", 2),
    ("Hồ", 2),
    ("Ngô", 2),
    ("Dương", 1),
    ("Lý", 1),
    ("Đinh", 1),
    ("Lương", 1),
    ("Mai", 1),
    ("Tạ", 1),
]
MALE_MIDDLE = ["Văn", "Hữu", "Đức", "Công", "Quang", "Minh", "Thành", "Xuân", "Đình", "Ngọc"]
FEMALE_MIDDLE = ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Hồng", "Thùy", "Bích", "Mai", "Diệu"]
MALE_GIVEN = [
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Đạt",
    "Giang",
    "Hải",
    "Hiếu",
    "Hùng",
    "Huy",
    "Khánh",
    "Long",
    "Mạnh",
    "Nam",
    "Phong",
    "Phúc",
    "Quân",
    "Sơn",
    "Tâm",
    "Thắng",
    "Thịnh",
    "Toàn",
    "Trung",
    "Tuấn",
    "Việt",
    "Vinh",
    "Tùng",
    "Lộc",
    "Nghĩa",
    "Hưng",
]
FEMALE_GIVEN = [
    "Anh",
    "Châu",
    "Dung",
    "Giang",
    "Hà",
    "Hạnh",
    "Hằng",
    "Hoa",
    "Hương",
    "Lan",
    "Linh",
    "Loan",
    "Mai",
    "Ngân",
    "Ngọc",
    "Nhung",
    "Oanh",
    "Phương",
    "Quỳnh",
    "Thảo",
    "Thủy",
    "Trang",
    "Uyên",
    "Vân",
    "Yến",
    "Nga",
    "Huyền",
    "Trâm",
    "Xuân",
    "Đào",
]
ALIASES = ["Tí", "Tèo", "Bờm", "Cò", "Đen", "Béo", "Còi", "Tũn", "Bin", "Mèo", "Sẹo", "Lùn"]
VILLAGES = [
    "Thôn Đông",
    "Thôn Đoài",
    "Thôn Thượng",
    "Thôn Hạ",
    "Thôn Trung",
    "Tổ dân phố 1",
    "Tổ dân phố 2",
    "Tổ dân phố 3",
    "Xóm Chùa",
    "Xóm Bến",
]
PROVINCES = [
    "001",
    "019",
    "022",
    "026",
    "027",
    "030",
    "031",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "040",
]
OCCUPATIONS = ["Lao động tự do", "Không", "Làm ruộng", "Thợ xây", "Lái xe", "Buôn bán", "Học sinh"]


def persons(count: int, *, seed: int, reference_year: int = 2026) -> Iterator[PersonRecord]:
    """Yield `count` synthetic persons, the same ones for the same seed."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    for _ in range(count):
        yield _person(rng, reference_year)


def _person(rng: random.Random, reference_year: int) -> PersonRecord:
    sex = Sex.MALE if rng.random() < 0.88 else Sex.FEMALE
    family = rng.choices([f for f, _ in FAMILY], weights=[w for _, w in FAMILY])[0]
    middle = rng.choice(MALE_MIDDLE if sex is Sex.MALE else FEMALE_MIDDLE)
    given = rng.choice(MALE_GIVEN if sex is Sex.MALE else FEMALE_GIVEN)
    year = rng.randint(reference_year - 60, reference_year - 15)
    birth = (
        PartialDate(year)
        if rng.random() < 0.05
        else PartialDate(year, rng.randint(1, 12), rng.randint(1, 28))
    )
    village = rng.choice(VILLAGES)
    has_id = rng.random() < 0.9
    return PersonRecord(
        full_name=f"{family} {middle} {given}",
        sex=sex,
        birth=birth,
        aliases=(rng.choice(ALIASES),) if rng.random() < 0.3 else (),
        birth_place=rng.choice(["Hà Nội", "Hải Phòng", "Nam Định", "Thái Bình", "Nghệ An"]),
        permanent_address=f"{village}, xã Tân An",
        current_address=f"{village}, xã Tân An",
        village=village,
        residence_status=ResidenceStatus.STABLE
        if rng.random() < 0.8
        else ResidenceStatus.NOT_STABLE,
        id_type=IdType.CCCD if has_id else None,
        id_number=_cccd(rng, year, sex) if has_id else "",
        ethnicity="Kinh" if rng.random() < 0.9 else rng.choice(["Tày", "Mường", "Thái", "H'Mông"]),
        religion="" if rng.random() < 0.85 else rng.choice(["Phật giáo", "Công giáo"]),
        occupation=rng.choice(OCCUPATIONS),
        phone=f"09{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.6 else "",
        family=_family(rng, year, reference_year, family),
        profile=_profile(rng, year),
    )


def _cccd(rng: random.Random, year: int, sex: Sex) -> str:
    digit = century_sex_digit(year, sex)
    return f"{rng.choice(PROVINCES)}{digit}{year % 100:02d}{rng.randint(0, 999_999):06d}"


def _family(
    rng: random.Random, year: int, reference_year: int, family: str
) -> tuple[FamilyMember, ...]:
    members = [
        FamilyMember(
            "mother",
            f"{rng.choice([f for f, _ in FAMILY])} Thị {rng.choice(FEMALE_GIVEN)}",
            year - rng.randint(20, 35),
        )
    ]
    if reference_year - year < 18 or rng.random() < 0.5:
        members.append(
            FamilyMember(
                "father", f"{family} Văn {rng.choice(MALE_GIVEN)}", year - rng.randint(22, 40)
            )
        )
    return tuple(members)


def _profile(rng: random.Random, year: int) -> DrugProfile:
    drugs = tuple(rng.sample(list(DrugType), k=rng.choice([1, 1, 1, 2])))
    started = min(year + rng.randint(14, 30), 2026)
    return DrugProfile(
        psychosis=rng.random() < 0.08,
        use_started=PartialDate(started),
        drug_types=drugs,
        routes=(Route.INJECTING,) if DrugType.HEROIN in drugs else (Route.SMOKING,),
        frequency=rng.choice(["Hằng ngày", "Vài lần một tuần", "Thỉnh thoảng"]),
        previous_voluntary_rehab=rng.choice([0, 0, 0, 1, 2]),
    )
