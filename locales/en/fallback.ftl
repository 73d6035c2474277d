# The fallback as a layer: every text it brings.
trace-fallback-answers = The Fallback answers instead of { $outcome }: to the layers outside, a success
