error-memory-unreachable = { $url }: मेमोरी सर्वर तक नहीं पहुँचा जा सका ({ $attempts ->
    [one] एक प्रयास
   *[other] { $attempts } प्रयास
}): { $reason }; पहले से संग्रहीत सब सुरक्षित है, सर्वर लौटने पर फिर से प्रयास करें
memory-copied = { $from } → { $to }: { $count ->
    [one] एक प्रविष्टि कॉपी की गई
   *[other] { $count } प्रविष्टियाँ कॉपी की गईं
}
