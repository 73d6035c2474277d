# Cómo escribe los números el español (CLDR): 12.345,6 y 1204
locale-decimal = ,
locale-group = .
locale-min-grouping = 2
# El nombre del idioma, como lo muestra la tecla L del panel.
language-name = Español

lang-unknown = { $source } { $value }: no existe ese idioma; hay { $valid }
count-calls = { $n ->
    [one] { $n } llamada
   *[other] { $n } llamadas
}

# A text that is already words (a name, a value as written), said as it is.
verbatim = { $text }
