# मशीनी अनुवाद इंजन: सेटिंग, कुंजियाँ, ड्राई रन और प्रगति।

error-backend-setting = l10n.toml [backends.{ $backend }] { $key }: { $reason }
error-missing-api-key = बैकएंड { $backend } को API कुंजी चाहिए: पर्यावरण चर { $var } सेट करें ([backends.{ $backend }] में api_key_env से दूसरा नाम चुना जा सकता है)

translate-dry-run-locale = { $path } → { $locale }: { $segments ->
        [one] एक खंड
       *[other] { $segments } खंड
    } ({ $chars } वर्ण) { $backend } को भेजे जाएँगे, { $memory } मेमोरी से
translate-dry-run-total = कुल { $segments ->
        [one] एक खंड
       *[other] { $segments } खंड
    } और { $chars } वर्ण { $backend } के लिए: अनुमानित लागत { $cost }, { $price } प्रति दस लाख वर्ण की दर से; कुछ भी नहीं भेजा गया
translate-progress = { $locale }: { $done }/{ $total } खंड, { $rate } खंड/से, लगभग { $eta } से बाकी
translate-engine-request = { $engine }: { $chars } अक्षरों का अनुरोध → { $millis } ms में { $outcome }
