error-memory-unreachable = { $url }: the memory server could not be reached ({ $attempts ->
    [one] one attempt
   *[other] { $attempts } attempts
}): { $reason }; what was stored before is kept, try again when the server is back
memory-copied = { $from } → { $to }: { $count ->
    [one] one entry copied
   *[other] { $count } entries copied
}
error-password-in-config = { $path }:{ $line }: a password in the memory URL is refused (the project file is shared): remove it and name the environment variable that holds it in [memory] password_env, or set PGPASSWORD
error-password-env-unset = [memory] password_env names { $var }, which is not set
