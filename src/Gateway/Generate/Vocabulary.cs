namespace MedQA.Gateway.Generate;

/// <summary>The words synthetic pages are made of.</summary>
internal static class Vocabulary
{
    public static readonly string[] Specialties =
    [
        "Neurology", "Cardiology", "Dermatology", "Orthopedics", "Family Medicine", "Pediatrics", "Gastroenterology",
        "Ophthalmology", "Otolaryngology", "Psychiatry", "Urology", "Obstetrics and Gynecology", "Endocrinology",
        "Pulmonology", "Rheumatology", "Nephrology", "Oncology", "Infectious Diseases", "Neurosurgery",
        "Plastic Surgery", "Dentistry", "Rehabilitation", "Allergy and Immunology", "Hematology",
    ];

    public static readonly string[] Symptoms =
    [
        "headache", "eyelid twitching", "chest tightness", "knee pain", "dry cough", "skin rash", "lower back pain",
        "dizziness", "blurred vision", "ringing in the ears", "stomach cramps", "heart palpitations", "numb fingers",
        "shortness of breath", "joint swelling", "frequent urination", "hair loss", "night sweats", "sore throat",
        "neck stiffness", "ankle swelling", "itchy eyes", "muscle cramps", "facial twitching", "acid reflux",
        "nosebleeds", "hand tremor", "insomnia", "fatigue", "bloating", "toothache", "shoulder pain", "heel pain",
        "blood in urine", "irregular periods", "swollen lymph nodes", "wheezing", "memory lapses", "hives", "jaw pain",
    ];

    public static readonly string[] Contexts =
    [
        "after exercise", "at night", "for three weeks", "when standing up", "after meals", "in the morning",
        "during work", "after a cold", "when lying down", "in cold weather", "after surgery", "during pregnancy",
        "when climbing stairs", "after drinking coffee", "for two months", "on one side only", "that comes and goes",
        "after a fall", "while reading", "since childhood",
    ];

    public static readonly string[] Causes =
    [
        "Muscle Strain", "Nerve Irritation", "Inflammation", "Infection", "Stress and Fatigue", "Poor Posture",
        "Dehydration", "Medication Side Effects", "Hormonal Changes", "Allergic Reaction", "Vascular Compression",
        "Vitamin Deficiency", "Overuse Injury", "Sleep Deprivation", "Autoimmune Conditions", "Genetic Factors",
    ];

    public static readonly string[] Treatments =
    [
        "Medical Evaluation", "Rest", "Medications", "Physical Therapy", "Stress Management", "Dietary Changes",
        "Hydration", "Surgical Options", "Lifestyle Modifications", "Heat and Cold Therapy", "Regular Exercise",
        "Follow-up Visits", "Sleep Hygiene", "Topical Treatments",
    ];

    public static readonly string[] Surnames =
    [
        "Chen", "Lin", "Wang", "Lee", "Huang", "Chang", "Liu", "Tsai", "Yang", "Hsu", "Wu", "Cheng", "Lai", "Kuo",
        "Hsieh", "Tseng", "Lo", "Hung", "Chiu", "Liao", "Lu", "Ko", "Yeh", "Su", "Chou", "Fang", "Pan", "Tu", "Jiang", "Ye",
    ];

    public static readonly string[] Syllables =
    [
        "an", "bo", "cheng", "da", "fei", "guo", "hua", "jun", "kai", "li", "ming", "ning", "ping", "qing", "rui",
        "shan", "ting", "wei", "xin", "yu", "zhi", "hao", "lan", "mei",
    ];
}
