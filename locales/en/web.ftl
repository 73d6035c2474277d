# The browser edition's page around the dashboard (web/index.html).

web-title = Breakwater — a laboratory for circuit breaker, retry, bulkhead and timeout
web-scenario = Scenario
web-open-file = Open a file…
web-paste = Paste a scenario (TOML)
web-paste-open = Open the pasted scenario
web-link = Link to this moment
web-link-done = The address bar now opens this moment: copy it to share.
web-hint = The terminal's keys: ? help · space pause · n next moment · L language · e figure (SVG) · R record
web-summary = Summary (q ends the session here; reload to start again)
web-no-variants = this scenario declares no variants; leave out ?variant= to open it
