# Cómo escribe los números el español: 12 345,6 y 1204. La coma decimal
# (CLDR); los miles con un espacio duro, como pide la RAE (Ortografía 2010)
# y no con punto, para que 19 245 no se lea nunca como 19,245.
locale-decimal = ,
locale-group = {"\u00A0"}
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
