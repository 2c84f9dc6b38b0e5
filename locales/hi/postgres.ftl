error-memory-unreachable = { $url }: मेमोरी सर्वर तक नहीं पहुँचा जा सका ({ $attempts ->
    [one] एक प्रयास
   *[other] { $attempts } प्रयास
}): { $reason }; पहले से संग्रहीत सब सुरक्षित है, सर्वर लौटने पर फिर से प्रयास करें
memory-copied = { $from } → { $to }: { $count ->
    [one] एक प्रविष्टि कॉपी की गई
   *[other] { $count } प्रविष्टियाँ कॉपी की गईं
}
error-password-in-config = { $path }:{ $line }: मेमोरी URL में पासवर्ड स्वीकार नहीं है (प्रोजेक्ट फ़ाइल साझा होती है): उसे हटाएँ और जिस एनवायरनमेंट वेरिएबल में वह है उसका नाम [memory] password_env में दें, या PGPASSWORD सेट करें
error-password-env-unset = [memory] password_env में { $var } का नाम है, पर वह सेट नहीं है
