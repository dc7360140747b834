from bot.signals.text import own_words


def test_html_body_becomes_plain_text():
    assert own_words("<p>Hello,</p><p>The credit still isn&#39;t showing.</p>") == (
        "Hello,\nThe credit still isn't showing."
    )


def test_bottom_quoted_english_email_is_not_the_customers_words():
    body = (
        "It is not fixed, the tax line is still wrong.\n\n"
        "On Tue, 3 Mar 2026 at 10:02, Support <help@example.com> wrote:\n"
        "> We apologize for any inconvenience, it is resolved now."
    )
    assert own_words(body) == "It is not fixed, the tax line is still wrong."


def test_top_quoted_spanish_email_keeps_the_reply_below_it():
    body = (
        "El lun., 9 mar. 2026 a las 9:14, Soporte <ayuda@example.es> escribió:\n"
        "> ¿Se ha resuelto tu incidencia?\n\n"
        "Sí, todo bien ahora. Gracias."
    )
    assert own_words(body) == "Sí, todo bien ahora. Gracias."


def test_outlook_header_block_and_original_message_are_cut():
    body = (
        "Still broken.\n\nFrom: Support <help@example.com>\nSent: Monday\nTo: me\n"
        "Subject: Re: crash\nGlad we could help!"
    )
    assert own_words(body) == "Still broken."
    assert own_words("Sigue igual.\n-----Original Message-----\nLamentamos las molestias") == (
        "Sigue igual."
    )


def test_signature_is_dropped_but_a_leading_thanks_is_kept():
    assert own_words("Thanks, it works now.\n\nBest,\nTom Hale\nFlat 4") == "Thanks, it works now."
    assert own_words("Ya funciona.\n\nSaludos,\nMarta\nEnviado desde mi iPhone") == "Ya funciona."


def test_empty_and_blockquote_html():
    assert own_words("") == ""
    html = "<div>No funciona.</div><blockquote>Le pedimos disculpas</blockquote>"
    assert own_words("", html) == "No funciona."
