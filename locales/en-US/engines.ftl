# Machine-translation engines: settings, keys, dry runs and progress.
# $backend is an engine name (deepl, google, azure, libretranslate, openai); $key a setting name;
# $var an environment variable name; $locale a language tag.

error-backend-setting = l10n.toml [backends.{ $backend }] { $key }: { $reason }
error-missing-api-key = backend { $backend } needs an API key: set the environment variable { $var } (another name can be chosen with api_key_env in [backends.{ $backend }])

translate-dry-run-total = in all { $segments ->
        [one] one segment
       *[other] { $segments } segments
    } and { $chars } characters for { $backend }: estimated cost { $cost } at { $price } per million characters; nothing was sent
translate-progress = { $locale }: { $done }/{ $total } segments, { $rate } segments/s, about { $eta } s left
translate-engine-request = { $engine }: request of { $chars } characters → { $outcome } in { $millis } ms

## helper hardening
error-secret-variable-refused = { $setting } = "{ $var }" is refused: the project file is shared, so it may only name { $documented } or a variable starting with L10N_ (copy the secret into one: L10N_{ $var }=…)
error-untrusted-engine-url = [backends.{ $backend }] url = "{ $url }" is not { $backend }'s own service and comes only from the project file, so the key in { $var } is not sent there: give the URL in the environment ({ $url_var }=…) or allow the project file's URLs with { $opt_in }=1
