## मेमोरी: खोज, सफ़ाई, आँकड़े, निर्यात

memory-lookup-exact = सटीक: { $target }  ({ $origin }, { $state })
memory-lookup-fuzzy = { $score }%: { $source } → { $target }  ({ $origin }, { $state })
memory-lookup-none = { $locale } में इस वाक्य के लिए मेमोरी में कुछ नहीं है, कोई मिलता-जुलता वाक्य भी नहीं
memory-gc-removed = { $count ->
        [one] { $days } दिन से पुराना 1 बासी मशीनी अनुवाद हटाया गया
       *[other] { $days } दिन से पुराने { $count } बासी मशीनी अनुवाद हटाए गए
    }
memory-stats-summary = { $path }: { $count ->
        [one] 1 प्रविष्टि
       *[other] { $count } प्रविष्टियाँ
    }, { $size }, स्कीमा संस्करण { $version }
memory-exported = { $path }: { $count ->
        [one] 1 अनुवाद इकाई लिखी गई
       *[other] { $count } अनुवाद इकाइयाँ लिखी गईं
    }

## helper hardening
memory-lookup-version = { $kind ->
        [alternative] विकल्प
       *[other] पिछला संस्करण
    }: { $target }  ({ $state }, { $file })
memory-conflict = { $path }: “{ $source }” का { $locale } में { $kept_state } अनुवाद रखा गया: “{ $kept }”; प्रस्तुत { $offered_state } अनुवाद “{ $offered }” विकल्प के रूप में रखा गया है (memory lookup उसे दिखाता है)
