package com.fieldservice.portal.demo;

import java.util.List;
import java.util.Map;

/**
 * The words the demo data is made of: people's names per language, company names, site kinds,
 * job titles, and the texts of work orders (names and descriptions per job type, memos for the
 * back office, information for the technician before the visit, customers' references).
 * In work-order texts, {f} stands for the equipment family ("condensing boiler") and {F} for
 * the same with a capital.
 */
final class Catalogue {

    static final Map<String, List<String>> FIRST_NAMES = Map.of(
            "nl", List.of("Jan", "Pieter", "Sofie", "Lotte", "Tom", "Wouter", "Eva", "Lien", "Bram", "Hanne", "Koen",
                    "Nathalie", "Joris", "Annelies", "Stijn", "Femke", "Ruben", "Sanne", "Dirk", "Ilse"),
            "fr", List.of("Jean", "Marie", "Luc", "Camille", "Julien", "Sophie", "Nicolas", "Claire", "Mathieu",
                    "Isabelle", "Thomas", "Céline", "Antoine", "Aurélie", "François", "Manon", "Olivier", "Chloé"),
            "en", List.of("James", "Emma", "Oliver", "Sarah", "Harry", "Charlotte", "George", "Amelia", "Jack",
                    "Emily", "Daniel", "Lucy", "Samuel", "Hannah", "Michael", "Grace", "David", "Olivia"));

    static final Map<String, List<String>> LAST_NAMES = Map.of(
            "nl", List.of("Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
                    "Wouters", "De Smet", "Vermeulen", "De Vries", "Bakker", "Visser", "Smit", "Meijer", "Mulder",
                    "De Boer", "Van Dijk", "Hendriks"),
            "fr", List.of("Dubois", "Lambert", "Martin", "Dupont", "Lefebvre", "Leroy", "Moreau", "Laurent",
                    "Simon", "Michel", "Garcia", "Bernard", "Petit", "Durand", "Fontaine", "Rousseau", "Mercier"),
            "en", List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Evans",
                    "Thomas", "Roberts", "Walker", "Wright", "Thompson", "White", "Hughes", "Edwards", "Green"));

    static final List<String> COMPANY_WORDS = List.of("Brightwater", "Northgate", "Meridian", "Oakfield",
            "Ravenstein", "Summit", "Greenfield", "Lighthouse", "Silverline", "Westpoint", "Horizon", "Keystone",
            "Riverside", "Sterling", "Cornerstone", "Atlas", "Beaumont", "Ashford", "Castellane", "Blue Harbour",
            "Van Damme", "Lefort", "De Kroon", "Whitfield", "Hartwell", "Noordster", "Belvédère", "Kingsbridge",
            "Parkview", "Saint-Roch", "Lindenhof", "Moorgate", "Solstice", "Waterland", "Everdale", "Rosenberg");

    static final List<String> SECTORS = List.of("Hotels", "Logistics", "Retail", "Hospital", "Care Homes", "Foods",
            "Offices", "Property Management", "Schools", "Pharma", "Cold Storage", "Data Centres", "Supermarkets",
            "Fitness", "Automotive", "Printing", "Laboratories", "Housing", "Breweries", "Bakeries", "Leisure",
            "Textiles");

    static final List<String> SITE_KINDS = List.of("Head office", "Warehouse", "Distribution centre", "Store",
            "Office building", "Production plant", "Hotel", "Clinic", "Campus", "Data centre", "Workshop",
            "Residence");

    static final List<String> PLANT_LOCATIONS = List.of("Basement plant room", "Roof", "Technical room, level 2",
            "Technical room, level 5", "Boiler house", "Loading bay", "Main hall", "Shaft A", "Shaft B",
            "Car park, level -1", "Kitchen", "Server room", "Courtyard", "Mezzanine");

    static final List<String> CONTACT_TITLES = List.of("Facility manager", "Site manager", "Maintenance coordinator",
            "Purchasing officer", "Operations director", "Technical manager", "Office manager", "Store manager");

    static final List<String> MOBILE_SITES = List.of("Construction site", "Event grounds", "Harbour terminal",
            "Building site", "Festival site", "Depot", "Quarry", "Trade fair hall");

    static final Map<String, List<String>> JOB_NAMES = Map.of(
            "MAINT", List.of("Annual maintenance – {f}", "Preventive maintenance – {f}", "Quarterly service visit – {f}",
                    "Half-yearly maintenance – {f}", "Maintenance contract visit – {f}"),
            "REPAIR", List.of("{F} out of order", "{F} shows an error code", "{F} makes an abnormal noise",
                    "Leak on {f}", "{F} trips repeatedly", "{F} does not start", "{F} runs at reduced capacity"),
            "INSP", List.of("Statutory inspection – {f}", "Annual safety inspection – {f}",
                    "Periodic inspection – {f}", "Insurance inspection – {f}"),
            "INST", List.of("Commissioning of new {f}", "Installation of {f}", "Replacement of {f}",
                    "Retrofit kit on {f}"));

    /** Work-order names for a whole site (a job on a location rather than on one piece of equipment). */
    static final Map<String, List<String>> SITE_JOB_NAMES = Map.of(
            "MAINT", List.of("Site maintenance round", "Seasonal check of the technical rooms"),
            "REPAIR", List.of("Several faults reported on site", "Power failure in the technical room"),
            "INSP", List.of("Annual site safety inspection", "Energy audit of the site"),
            "INST", List.of("Site survey for a new installation", "Site preparation works"));

    static final Map<String, List<String>> DESCRIPTIONS = Map.of(
            "MAINT", List.of("Scheduled visit under the maintenance contract: check, clean and adjust the {f}, "
                            + "replace wear parts and record the readings.",
                    "Planned maintenance of the {f} according to the manufacturer's schedule.",
                    "Yearly service: full check of the {f}, safety devices and controls."),
            "REPAIR", List.of("The customer reports that the {f} stopped during the night. Please diagnose and repair.",
                    "Fault reported by the site: the {f} shows an alarm and restarts every few minutes.",
                    "The {f} is noisy since last week; the site asks for a visit before the weekend.",
                    "Water on the floor near the {f}. The site closed the valves as a precaution."),
            "INSP", List.of("Periodic inspection of the {f} as required by regulation; issue the certificate.",
                    "Inspection requested by the insurer: check the {f} and report the findings."),
            "INST", List.of("Install and commission the {f}; train the site staff on its use.",
                    "Replace the old unit with a new {f}; take the old one back for recycling."));

    static final List<String> INTERNAL_MEMOS = List.of(
            "Customer disputes the last invoice – check with accounts before dispatching.",
            "Key safe code changes monthly: call the site manager the day before.",
            "Second visit likely: order the spare part in advance.",
            "Key account: inform the account manager after the visit.",
            "Asbestos label seen in the plant room last time – take the usual precautions.",
            "Warranty claim: keep the replaced parts for the manufacturer.",
            "Quote for a replacement requested; see the ERP.",
            "Last visit the technician was refused at the gate. Confirm the slot by phone.",
            "Recurring fault (third time this year) – escalate to the service manager.",
            "Contract renewal due next quarter; mention it politely.");

    static final List<String> PREJOB_INFORMATION = List.of(
            "Report to reception and ask for the facility manager.",
            "Access via the loading dock at the back; safety shoes required.",
            "Parking available in front of the building.",
            "Roof access only with a harness; the ladder key is at the security desk.",
            "Site badge required: bring your ID card.",
            "Work permit required before starting; ask the safety officer.",
            "Plant room in the basement; the door code is given by phone.",
            "Visits only before 10:00: the store opens to the public at 10:00.");

    /** The shapes of the references customers give: {y} the year, {c} the company code, digits as #. */
    static final List<String> CUSTOMER_REFERENCES = List.of("PO-{y}-#####", "{c}-######", "TCK#######",
            "WO/{y}/####", "REQ-####-{c}");

    static final List<String> BACK_OFFICE_FUNCTIONS = List.of("Planner", "Call centre agent", "Service manager",
            "Planner", "Contract manager");

    private Catalogue() {
    }

    /** A work-order text with the family filled in. */
    static String withFamily(String template, Equipment.Family family) {
        String lower = family.lowerName();
        String capital = Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        return template.replace("{f}", lower).replace("{F}", capital);
    }

    /** The customer reference of a template: {y}, {c} and each # replaced. */
    static String customerReference(String template, int year, String companyCode, Dice dice) {
        String text = template.replace("{y}", Integer.toString(year)).replace("{c}", companyCode);
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            result.append(c == '#' ? (char) ('0' + dice.below(10)) : c);
        }
        return result.toString();
    }

    /** The language whose names people of a country have (Belgium: Dutch and French alike). */
    static String nameLanguage(Places.Country country, Dice dice) {
        return switch (country.code()) {
            case "BE" -> dice.chance(0.5) ? "nl" : "fr";
            case "FR" -> "fr";
            case "NL" -> "nl";
            default -> "en";
        };
    }
}
