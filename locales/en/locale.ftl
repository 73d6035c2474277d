# How English writes numbers (CLDR): 12,345.6
locale-decimal = .
locale-group = ,
locale-min-grouping = 1
# The language's own name, as the dashboard's L key shows it.
language-name = English

lang-unknown = { $source } { $value }: no such language; there are { $valid }
count-calls = { $n ->
    [one] { $n } call
   *[other] { $n } calls
}

# A text that is already words (a name, a value as written), said as it is.
verbatim = { $text }
