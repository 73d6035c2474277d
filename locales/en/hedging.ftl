# Hedged requests: every text the hedging pattern brings.
key-toggle-hedging = hedging on/off (service)
# Its counter: copies sent (extra attempts).
counter-hedged = Hedged attempts
counter-hedged-column = hedged
trace-hedging-copy-sent = Hedging sends copy { $n } of the attempt
trace-hedging-own-won = Hedging: the call's own attempt answered first; the copies are abandoned
trace-hedging-copy-won = Hedging: copy { $n } answered first; the rest is abandoned
trace-hedging-all-failed = Hedging: every attempt failed; the answer is the last: { $outcome }
