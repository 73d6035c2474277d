# La página de la edición para el navegador, alrededor del panel (web/index.html).

web-title = Breakwater — un laboratorio de circuit breaker, retry, bulkhead y timeout
web-scenario = Escenario
web-open-file = Abrir un archivo…
web-paste = Pegar un escenario (TOML)
web-paste-open = Abrir el escenario pegado
web-link = Enlace a este momento
web-link-done = La barra de direcciones abre ahora este momento: cópiala para compartirlo.
web-hint = Las teclas del terminal: ? ayuda · espacio pausa · n siguiente momento · L idioma · e figura (SVG) · R grabar
web-summary = Resumen (q termina aquí la sesión; recarga para empezar de nuevo)
web-no-variants = este escenario no declara variantes; quita ?variant= para abrirlo
