# Peticiones cubiertas (hedging): todos los textos del patrón.
key-toggle-hedging = Hedging sí/no (servicio)
# Su contador: copias enviadas (intentos de más).
counter-hedged = Intentos cubiertos
counter-hedged-column = cubiertos
trace-hedging-copy-sent = Hedging envía la copia { $n } del intento
trace-hedging-own-won = Hedging: el intento propio de la llamada respondió primero; las copias se abandonan
trace-hedging-copy-won = Hedging: la copia { $n } respondió primero; el resto se abandona
trace-hedging-all-failed = Hedging: todos los intentos fallaron; la respuesta es la última: { $outcome }
