namespace MedQA.Tests.Support;

/// <summary>Small pages in the site's format, for the cases the seed page does not show.</summary>
public static class Pages
{
    public static string Minimal(string title = "Knee pain when climbing stairs", string alias = "Lee", string date = "2020/03/04",
        string specialty = "Orthopedics", string doctor = "Wang Wei") => $"""
        {title}: What It Means - {specialty}

        Share to:

        {title}

        My knee hurts on the stairs.
        Should I worry?

        {alias}, 40~49 year old male. Ask Date: {date}

        Dr. {doctor} reply {specialty}

        Rest it for a week.

        Reply Date: {date}
        """;

    public static string TwoReplies => """
        Persistent cough after a cold - Family Medicine

        Share to:

        Persistent cough

        I have coughed for three weeks.

        小明, 30~39 year old female. Ask Date: 2021/01/10

        Dr. Chen Taicheng reply Family Medicine

        It may be post-viral.

        Reply Date: 2021/01/11

        Dr. Lin Yu reply Pulmonology

        See a chest physician if it lasts.
        A chest X-ray may help.

        Reply Date: 2021/01/12

        More Info

        A cough after a cold can last weeks.

        When to See a Doctor
        1. Blood: Coughing up blood needs care at once.

        2. Fever: A fever that returns is a sign to see a doctor.

        Home Care
        Drink warm fluids.

        Related FAQ

        Cough

        (Family Medicine)
        """;
}
