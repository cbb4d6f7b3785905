package com.fieldservice.portal.demo;

import java.util.List;

/**
 * Where the demo customers are: the countries the demo sales organizations serve, with real
 * cities (postcode and centre coordinates), common street names, and the local shape of
 * postcodes, phone numbers, VAT numbers and company legal forms.
 */
final class Places {

    record City(String name, String zip, double latitude, double longitude) {
    }

    /** A postal address, with coordinates near its city's centre. */
    record Address(String street, String number, String zip, String city, double latitude, double longitude) {
    }

    record Country(String code, String currency, String language, String salesOrgCode, String salesOrgName,
                   String phonePrefix, List<String> legalForms, List<City> cities, List<String> streets) {

        Address address(Dice dice) {
            return addressIn(dice.pick(cities), dice);
        }

        Address addressIn(City city, Dice dice) {
            return new Address(dice.pick(streets), Integer.toString(dice.between(1, 240)), zip(city, dice), city.name(),
                    jitter(city.latitude(), dice), jitter(city.longitude(), dice));
        }

        String phone(Dice dice) {
            return phonePrefix + " " + dice.digits(3) + " " + dice.digits(2) + " " + dice.digits(2);
        }

        String vatNumber(Dice dice) {
            return switch (code) {
                case "BE" -> "BE0" + dice.digits(9);
                case "FR" -> "FR" + dice.digits(11);
                case "NL" -> "NL" + dice.digits(9) + "B01";
                default -> "GB" + dice.digits(9);
            };
        }

        /** The city's postcode as the post writes it: "1012 AB" in the Netherlands, "M1 4BT" in Britain. */
        private String zip(City city, Dice dice) {
            return switch (code) {
                case "NL" -> city.zip() + " " + dice.letters(2);
                case "GB" -> city.zip() + " " + dice.between(1, 9) + dice.letters(2);
                default -> city.zip();
            };
        }

        /** Within about two kilometres of the centre, rounded as numeric(9, 6) keeps it. */
        private static double jitter(double centre, Dice dice) {
            return Math.round((centre + (dice.fraction() - 0.5) * 0.04) * 1e6) / 1e6;
        }
    }

    static final Country BELGIUM = new Country("BE", "EUR", "nl", "FS-BE", "Field Service Belgium", "+32",
            List.of("NV", "SA", "BV", "SRL"),
            List.of(new City("Brussel", "1000", 50.8503, 4.3517), new City("Antwerpen", "2000", 51.2194, 4.4025),
                    new City("Gent", "9000", 51.0543, 3.7174), new City("Leuven", "3000", 50.8798, 4.7005),
                    new City("Liège", "4000", 50.6326, 5.5797), new City("Brugge", "8000", 51.2093, 3.2247),
                    new City("Namur", "5000", 50.4674, 4.8718), new City("Mechelen", "2800", 51.0259, 4.4776),
                    new City("Hasselt", "3500", 50.9307, 5.3325), new City("Kortrijk", "8500", 50.8280, 3.2649),
                    new City("Charleroi", "6000", 50.4108, 4.4446), new City("Aalst", "9300", 50.9378, 4.0410),
                    new City("Wavre", "1300", 50.7170, 4.6014), new City("Zaventem", "1930", 50.8836, 4.4729)),
            List.of("Kerkstraat", "Stationsstraat", "Nieuwstraat", "Industrieweg", "Molenstraat", "Leopoldlaan",
                    "Brusselsesteenweg", "Kapelstraat", "Schoolstraat", "Rue de la Loi", "Avenue Louise",
                    "Chaussée de Wavre", "Rue du Marché", "Rue Haute", "Boulevard d'Avroy", "Zuiderlaan",
                    "Researchpark", "Rue de l'Industrie", "Havenlaan", "Kouter"));

    static final Country FRANCE = new Country("FR", "EUR", "fr", "FS-FR", "Field Service France", "+33",
            List.of("SAS", "SARL", "SA"),
            List.of(new City("Paris", "75011", 48.8566, 2.3522), new City("Lyon", "69003", 45.7640, 4.8357),
                    new City("Lille", "59000", 50.6292, 3.0573), new City("Marseille", "13001", 43.2965, 5.3698),
                    new City("Toulouse", "31000", 43.6047, 1.4442), new City("Nantes", "44000", 47.2184, -1.5536),
                    new City("Bordeaux", "33000", 44.8378, -0.5792), new City("Strasbourg", "67000", 48.5734, 7.7521),
                    new City("Rennes", "35000", 48.1173, -1.6778), new City("Reims", "51100", 49.2583, 4.0317),
                    new City("Nanterre", "92000", 48.8924, 2.2071), new City("Rungis", "94150", 48.7467, 2.3490)),
            List.of("Rue de la République", "Avenue Jean Jaurès", "Boulevard Voltaire", "Rue Victor Hugo",
                    "Rue Nationale", "Avenue de la Gare", "Rue Pasteur", "Rue du Général de Gaulle",
                    "Quai des Chartrons", "Zone industrielle des Bruyères", "Rue de Paris", "Avenue Foch",
                    "Rue des Écoles", "Chemin du Moulin", "Allée des Tilleuls", "Rue de la Gare"));

    static final Country NETHERLANDS = new Country("NL", "EUR", "nl", "FS-NL", "Field Service Nederland", "+31",
            List.of("BV", "NV"),
            List.of(new City("Amsterdam", "1012", 52.3676, 4.9041), new City("Rotterdam", "3011", 51.9244, 4.4777),
                    new City("Utrecht", "3511", 52.0907, 5.1214), new City("Den Haag", "2511", 52.0705, 4.3007),
                    new City("Eindhoven", "5611", 51.4416, 5.4697), new City("Groningen", "9711", 53.2194, 6.5665),
                    new City("Tilburg", "5038", 51.5555, 5.0913), new City("Breda", "4811", 51.5719, 4.7683),
                    new City("Nijmegen", "6511", 51.8126, 5.8372), new City("Arnhem", "6811", 51.9851, 5.8987),
                    new City("Zwolle", "8011", 52.5168, 6.0830), new City("Venlo", "5911", 51.3704, 6.1724)),
            List.of("Keizersgracht", "Coolsingel", "Hoofdstraat", "Dorpsstraat", "Stationsweg", "Industrieweg",
                    "Kerkstraat", "Marktplein", "Oudegracht", "Laan van Meerdervoort", "Havenstraat",
                    "Parallelweg", "Nijverheidsweg", "Molenweg", "Julianalaan", "Schoolstraat"));

    static final Country UNITED_KINGDOM = new Country("GB", "GBP", "en", "FS-UK", "Field Service UK", "+44",
            List.of("Ltd", "PLC"),
            List.of(new City("London", "EC1A", 51.5072, -0.1276), new City("Manchester", "M1", 53.4808, -2.2426),
                    new City("Birmingham", "B1", 52.4862, -1.8904), new City("Leeds", "LS1", 53.8008, -1.5491),
                    new City("Bristol", "BS1", 51.4545, -2.5879), new City("Glasgow", "G1", 55.8642, -4.2518),
                    new City("Liverpool", "L1", 53.4084, -2.9916), new City("Sheffield", "S1", 53.3811, -1.4701),
                    new City("Edinburgh", "EH1", 55.9533, -3.1883), new City("Nottingham", "NG1", 52.9548, -1.1581),
                    new City("Reading", "RG1", 51.4543, -0.9781), new City("Milton Keynes", "MK9", 52.0406, -0.7594)),
            List.of("High Street", "Station Road", "Church Lane", "Victoria Road", "King Street", "Mill Lane",
                    "Park Road", "Queen Street", "Bridge Street", "London Road", "Green Lane", "Manor Road",
                    "Trafalgar Way", "Riverside Drive", "Enterprise Park", "Harbour Road"));

    /** The demo's countries, each served by its own sales organization, and their share of customers. */
    static final List<Country> COUNTRIES = List.of(BELGIUM, FRANCE, NETHERLANDS, UNITED_KINGDOM);
    static final double[] CUSTOMER_SHARE = {0.35, 0.25, 0.25, 0.15};

    private Places() {
    }
}
