import pytest

from lotse.core.names import folded, name_keys, search_key


@pytest.mark.parametrize(
    "spellings",
    [
        ["Mohammed", "Muhammad", "Mohamad", "Mohamed", "Мухаммад", "محمد"],
        ["Özdemir", "Oezdemir", "Ozdemir", "OZDEMIR"],
        ["Yusuf", "Youssef", "Jusuf", "Yousef", "يوسف"],
        ["Omar", "Umar", "عمر"],
        ["Ahmed", "Achmed", "Ahmad", "أحمد"],
        ["Fatima", "Fatimah", "فاطمة"],
        ["Olena", "Олена"],
        ["Tesfay", "ተስፋይ"],
    ],
)
def test_it_gives_one_key_to_the_spellings_of_a_name(spellings):
    keys = {tuple(name_keys(spelling)) for spelling in spellings}
    assert len(keys) == 1, dict(zip(spellings, map(name_keys, spellings), strict=True))


def test_it_keeps_different_names_apart():
    assert name_keys("Olena") != name_keys("Ayşe")
    assert name_keys("Yusuf") != name_keys("Yilmaz")


def test_search_key_has_one_prefixable_word_per_name_part():
    assert search_key("Mohammed Ali", "Al-Hassan") == " mhmd al al hsn"


def test_folded_removes_case_and_diacritics():
    assert folded("Ayşe ÖZDEMİR") == "ayse ozdemir"
