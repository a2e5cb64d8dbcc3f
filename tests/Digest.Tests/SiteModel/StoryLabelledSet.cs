namespace Digest.Tests.SiteModel;

/// <summary>
/// Reports written for the tests of story grouping (not taken from any corpus): each has the event it reports, or null
/// for one no other report shares. Several events are close in topic, place and time on purpose (two rail stories in
/// Gyumri, two budget votes, two chess rounds): grouping must keep them apart. Times are hours after 2026-11-01T00:00Z.
/// </summary>
internal static class StoryLabelledSet
{
    public static readonly (string? Event, string Source, int Hour, string Title, string Summary)[] Reports =
    [
        ("rail-reopens", "Ararat Press", 9, "Gyumri rail link reopens after two-year rebuild",
            "Passenger trains returned to the Yerevan–Gyumri line on Tuesday after a rebuild that cut the journey to under two hours."),
        ("rail-reopens", "Shirak Daily", 11, "Trains back on the Yerevan–Gyumri line after two-year rebuild",
            "Passenger trains returned to the Yerevan to Gyumri line on Tuesday; the rebuild cut the journey to less than two hours."),
        ("rail-reopens", "Caucasus Wire", 20, "Yerevan–Gyumri railway reopens, journey now under two hours",
            "The rebuilt Yerevan–Gyumri railway reopened to passenger trains on Tuesday, cutting the journey to under two hours."),
        (null, "Ararat Press", 40, "Freight trains to return to the Gyumri line on November 16",
            "Freight services will resume on the rebuilt line a week after passenger trains, the railway company said."),

        ("budget-yerevan", "Yerevan Evening Herald", 30, "Yerevan council approves 2027 budget with record spending on transport",
            "The city council approved a 2027 budget of 310 billion drams on Wednesday, with a record share for buses and roads."),
        ("budget-yerevan", "Ararat Press", 33, "Council passes Yerevan's 2027 budget, record sum for transport",
            "Yerevan's council passed the 2027 city budget of 310 billion drams on Wednesday, with record spending on buses and roads."),
        (null, "Caucasus Wire", 34, "Parliament begins debate on the 2027 state budget",
            "Deputies opened the first reading of the national budget for 2027, which the government says will grow defence spending."),

        ("solar-plant", "Energy Review", 50, "Largest solar plant in the Aragatsotn region connected to the grid",
            "The 55-megawatt plant near Talin began delivering power to the national grid on Thursday."),
        ("solar-plant", "Caucasus Wire", 55, "Aragatsotn's largest solar plant connected to national grid",
            "A 55 megawatt solar plant near Talin, the largest in Aragatsotn, started delivering power to the grid on Thursday."),
        ("solar-plant", "Shirak Daily", 70, "Solar plant near Talin starts supplying the grid",
            "The largest solar plant of the Aragatsotn region, near Talin, was connected to the national grid on Thursday: 55 megawatts."),

        ("chess-start", "Dilijan Sport", 60, "Dilijan chess open begins with 142 players from 19 countries",
            "The ninth Dilijan open started on Saturday with 142 players from 19 countries, eleven of them grandmasters."),
        ("chess-start", "Caucasus Wire", 62, "142 players from 19 countries open the Dilijan chess tournament",
            "The Dilijan chess open began on Saturday with 142 players from 19 countries, among them eleven grandmasters."),
        (null, "Dilijan Sport", 130, "Teenager Simonyan shares the lead in Dilijan after round five",
            "The 15-year-old won with black against a grandmaster and shares first place with three players."),

        ("border-winter", "Ararat Press", 80, "Armenia–Iran border crossing to stay open around the clock in winter",
            "The Meghri crossing will stay open day and night through the winter, the State Revenue Committee said on Friday."),
        ("border-winter", "South Gate News", 84, "Meghri crossing to Iran will work around the clock this winter",
            "The Armenia–Iran crossing at Meghri will stay open day and night all winter, the State Revenue Committee said."),

        ("sevan-level", "Eco Monitor", 90, "Lake Sevan ends season 14 centimetres higher than a year ago",
            "The level of Lake Sevan at the end of the irrigation season was 14 centimetres higher than a year earlier."),
        ("sevan-level", "Caucasus Wire", 96, "Sevan water level up 14 centimetres on last year",
            "Lake Sevan's level at the end of the irrigation season stood 14 centimetres higher than a year ago, monitors said."),
        (null, "Eco Monitor", 100, "Snowfields on Mount Aragats shrank by a fifth in ten years, study finds",
            "Satellite images show the mountain's permanent snow cover lost a fifth of its area since 2016."),

        ("flights-moscow", "Aero News", 110, "Из Москвы в Гюмри откроют прямые рейсы три раза в неделю",
            "Прямые рейсы из Москвы в Гюмри начнутся в декабре, самолёты будут летать три раза в неделю."),
        ("flights-moscow", "Кавказ Инфо", 115, "Прямые рейсы Москва — Гюмри откроются в декабре",
            "Авиакомпания откроет прямые рейсы из Москвы в Гюмри в декабре: три раза в неделю."),
        ("flights-moscow", "Caucasus Wire", 118, "Direct Moscow–Gyumri flights to start in December, three a week",
            "Direct flights from Moscow to Gyumri will begin in December, three times a week, the airline said."),

        ("metro-station", "Yerevan Evening Herald", 120, "Designs for Yerevan's new metro station presented",
            "The city presented three designs for the new Ajapnyak metro station on Monday; residents can vote until December."),
        ("metro-station", "Ararat Press", 126, "Three designs for the new Ajapnyak metro station shown to the public",
            "Yerevan presented three designs for the new metro station in Ajapnyak on Monday, and residents can vote on them until December."),

        ("wine-exports", "Business Armenia", 140, "Wine exports on track for best year as new markets open",
            "Exports of Armenian wine rose 23 percent in ten months, helped by new buyers in China and Poland."),
        ("wine-exports", "Caucasus Wire", 150, "Armenian wine exports up 23 percent in ten months",
            "Armenian wine exports grew 23 percent in the first ten months, on track for the best year yet, with new markets in China and Poland."),
        (null, "Business Armenia", 152, "Kakheti grape harvest ends with strong quality, smaller volume",
            "Georgian winemakers in Kakheti picked fewer grapes than last year but of better quality, the agency said."),
        (null, "Caucasus Wire", 153, "Grape harvest up 11 percent as warm autumn helps late varieties",
            "Armenian farmers picked 11 percent more grapes than last year, as a warm autumn helped late varieties ripen."),

        ("heating", "Yerevan Evening Herald", 160, "Heating season starts in Yerevan a week late after warm October",
            "Central heating was switched on in Yerevan on Monday, a week later than usual after an unusually warm October."),
        ("heating", "Ararat Press", 163, "Yerevan switches on heating a week late after a warm October",
            "Yerevan switched on central heating on Monday, a week later than usual, after an unusually warm October."),
        (null, "Yerevan Evening Herald", 165, "Bus lanes on three Yerevan avenues to open in December",
            "Buses will get their own lanes on Mashtots, Baghramyan and Tigran Mets avenues from December 1."),

        ("ferry", "Black Sea Shipping", 170, "Black Sea rail ferry adds weekly sailing to meet cargo demand",
            "The Poti–Chornomorsk rail ferry will sail twice a week from December to meet growing cargo demand."),
        ("ferry", "Georgia Today Wire", 176, "Poti rail ferry to sail twice weekly as cargo grows",
            "The rail ferry between Poti and Chornomorsk adds a second weekly sailing from December as cargo demand grows."),
        (null, "Black Sea Shipping", 178, "Poti port handles record container volume in third quarter",
            "The port handled 180,000 containers between July and September, a record for the quarter."),

        ("prize", "Literary Armenia", 180, "Four translations shortlisted for the Shirak prize",
            "The jury of the Shirak translation prize named four books on its shortlist; the winner will be announced on November 21."),
        ("prize", "Caucasus Wire", 186, "Shirak translation prize announces shortlist of four",
            "Four translated books are on the shortlist of the Shirak translation prize, whose winner will be named on November 21."),
        // The same agency's follow-up three weeks later: another event, and far outside the window.
        (null, "Literary Armenia", 700, "Shirak translation prize 2026 goes to a translation of Bashô",
            "The jury gave the Shirak translation prize to a new Armenian translation of Bashô's haiku."),
        // The same report from the same agency filed twice (a correction): one source never pairs with itself.
        (null, "Eco Monitor", 200, "Air quality in Yerevan worsens as heating season begins",
            "Fine dust levels in Yerevan doubled in the first week of the heating season, monitors said."),
        (null, "Eco Monitor", 202, "Yerevan air quality worsens as the heating season begins",
            "Fine dust levels in Yerevan doubled in the first week of the heating season, the monitors said."),
    ];
}
