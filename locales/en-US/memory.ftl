## memory: lookup, gc, stats, export

memory-lookup-exact = exact: { $target }  ({ $origin }, { $state })
memory-lookup-fuzzy = { $score }%: { $source } → { $target }  ({ $origin }, { $state })
memory-lookup-none = nothing in the memory for this sentence into { $locale }, not even a similar one
memory-gc-removed = { $count ->
        [one] removed 1 stale machine translation older than { $days } days
       *[other] removed { $count } stale machine translations older than { $days } days
    }
memory-stats-summary = { $path }: { $count ->
        [one] 1 entry
       *[other] { $count } entries
    }, { $size }, schema version { $version }
memory-exported = { $path }: { $count ->
        [one] 1 translation unit written
       *[other] { $count } translation units written
    }

## helper hardening
memory-lookup-version = { $kind ->
        [alternative] alternative
       *[other] earlier
    }: { $target }  ({ $state }, { $file })
memory-conflict = { $path }: kept the { $kept_state } translation into { $locale } of “{ $source }”: “{ $kept }”; the { $offered_state } one offered, “{ $offered }”, is kept as an alternative (memory lookup shows it)
