"""A role noun after the verb of saying ("dijo el funcionario", "expresó el mandatario")
refers back to the person named before; a name after a preposition further on is where the
person spoke or whom they told, not the speaker; one behaviour per test."""

from __future__ import annotations

from quotekit import speakers


def test_medium_after_a_back_referring_role_is_not_the_speaker() -> None:
    text = (
        "El ministro de Hacienda, Tomás Aguirre Lasala, presentó las cuentas del trimestre.\n"
        '"Las cuentas públicas cerrarán el año con superávit primario", dijo el funcionario '
        "en declaraciones a Radio Continental.\n"
    )
    assert speakers(text, "es") == ["Tomás Aguirre Lasala"]


def test_place_after_a_back_referring_role_is_not_the_speaker() -> None:
    text = (
        "La gobernadora Elvira Sandoval Ruiz inauguró el puente sobre el río.\n"
        '"Esta obra une por fin a los dos pueblos de la comarca", expresó la mandataria '
        "durante el acto en el Palacio Municipal.\n"
    )
    assert speakers(text, "es") == ["Elvira Sandoval Ruiz"]


def test_name_right_after_the_role_is_still_the_speaker() -> None:
    text = (
        "El ministro de Hacienda, Tomás Aguirre Lasala, presentó las cuentas del trimestre.\n"
        '"Nadie nos avisó de que el agua subiría tan deprisa", dijo el vecino Julián Ortega Prieto '
        "a la prensa local.\n"
    )
    assert speakers(text, "es") == ["Julián Ortega Prieto"]


def test_french_role_and_the_radio_it_spoke_to() -> None:
    text = (
        "La maire de la ville, Sophie Marchetti, a présenté le budget lundi.\n"
        "« Nous ne toucherons pas aux impôts locaux cette année », a déclaré la maire "
        "à la radio Fréquence Sud.\n"
    )
    assert speakers(text, "fr") == ["Sophie Marchetti"]


def test_name_set_off_by_a_comma_after_a_portfolio_is_the_speaker() -> None:
    text = (
        "Le programme culturel a été présenté mardi à Lyon.\n"
        "« Les jeunes doivent voyager, étudier et créer ensemble », a déclaré la commissaire "
        "générale pour la Belgique, Anne Verstraete.\n"
    )
    assert speakers(text, "fr") == ["Anne Verstraete"]


def test_arabic_body_right_after_the_verb_is_the_speaker() -> None:
    text = (
        "أبقت لجنة السياسة النقدية أسعار الفائدة دون تغيير.\n"
        'وقالت لجنة السياسة النقدية في بيانها: "الضغوط التضخمية تراجعت لكن المخاطر ما زالت قائمة في الأسواق".\n'
    )
    assert speakers(text, "ar") == ["لجنة السياسة النقدية"]


def test_quote_after_a_sentence_with_an_abbreviated_amount_goes_on_from_its_subject() -> None:
    text = (
        "Finanzchefin Petra Lindauer-Kreis sagte, der Gewinn werde bei 1,2 Mrd. Euro liegen. "
        "„Der Markt kennt diese Schwankungen, an der Dividende ändert sich nichts.“\n"
    )
    assert speakers(text, "de") == ["Petra Lindauer-Kreis"]
