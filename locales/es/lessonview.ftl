# La lección en papel y en pantalla (issue 20): `breakwater lesson` y la
# primera página de la ayuda.

cli-lesson-about = Imprime la lección de un escenario y sus fases (las notas del timeline) en el idioma del lector, para repartir
cli-lesson-scenario = Un escenario (fichero o nombre de uno incluido)
cli-lesson-json = Un objeto JSON: name, description, lesson, phases [{"{"}at_s, note{"}"}] en el idioma del lector
lesson-cmd-lesson = Lección
lesson-cmd-phases = { $n ->
    [0] Fases: ninguna (ninguna entrada del timeline tiene nota)
    [one] Fase
   *[other] Fases
}

help-page = página { $page }/{ $pages }
help-lesson-phases = Fases (▶ la que marca el reloj)
help-lesson-no-phases = Sin fases: ninguna entrada del timeline tiene nota.
help-keys-title = Teclas

key-help-line = bajar la ayuda una línea
key-help-line-short = desplazar
key-help-line-up = subir la ayuda una línea
key-help-page = página siguiente de la ayuda
key-help-page-short = página
key-help-page-up = página anterior de la ayuda
key-help-top = primera página de la ayuda (la lección)
key-help-ends-short = inicio/fin
key-help-bottom = última página de la ayuda
