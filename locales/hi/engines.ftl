# मशीनी अनुवाद इंजन: सेटिंग, कुंजियाँ, ड्राई रन और प्रगति।

error-backend-setting = l10n.toml [backends.{ $backend }] { $key }: { $reason }
error-missing-api-key = बैकएंड { $backend } को API कुंजी चाहिए: पर्यावरण चर { $var } सेट करें ([backends.{ $backend }] में api_key_env से दूसरा नाम चुना जा सकता है)

translate-dry-run-total = कुल { $segments ->
        [one] एक खंड
       *[other] { $segments } खंड
    } और { $chars } वर्ण { $backend } के लिए: अनुमानित लागत { $cost }, { $price } प्रति दस लाख वर्ण की दर से; कुछ भी नहीं भेजा गया
translate-progress = { $locale }: { $done }/{ $total } खंड, { $rate } खंड/से, लगभग { $eta } से बाकी
translate-engine-request = { $engine }: { $chars } अक्षरों का अनुरोध → { $millis } ms में { $outcome }

## helper hardening
error-secret-variable-refused = { $setting } = "{ $var }" अस्वीकार किया गया: प्रोजेक्ट फ़ाइल साझा है, इसलिए इसमें केवल { $documented } या L10N_ से शुरू होने वाला चर ही लिखा जा सकता है (रहस्य को ऐसे किसी चर में कॉपी करें: L10N_{ $var }=…)
error-untrusted-engine-url = [backends.{ $backend }] url = "{ $url }" { $backend } की अपनी सेवा नहीं है और केवल प्रोजेक्ट फ़ाइल से आता है, इसलिए { $var } की कुंजी वहाँ नहीं भेजी जाती: URL परिवेश में दें ({ $url_var }=…) या { $opt_in }=1 से प्रोजेक्ट फ़ाइल के URL की अनुमति दें
