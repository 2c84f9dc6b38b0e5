error-memory-unreachable = { $url }: the memory server could not be reached ({ $attempts ->
    [one] one attempt
   *[other] { $attempts } attempts
}): { $reason }; what was stored before is kept, try again when the server is back
memory-copied = { $from } → { $to }: { $count ->
    [one] one entry copied
   *[other] { $count } entries copied
}
