# El Fallback como capa: todos sus textos.
trace-fallback-answers = El Fallback responde en lugar de { $outcome }: para las capas de fuera, un éxito
