package com.fieldservice.portal.demo;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the field-service company maintains: the technicians' skills, the equipment families
 * (a top level and the families under it, with their names in the portal's languages), the
 * brands that make them and the sizes their models come in. The brands are invented.
 */
final class Equipment {

    /** A skill, with its name in French and Dutch. */
    record Skill(String code, String name, String description, String fr, String nl) {
    }

    /** A top-level family, the group the families below belong to. */
    record Group(String code, String name) {
    }

    /**
     * A family of equipment.
     *
     * @param names      the family's name per language code (en, fr, nl, de)
     * @param skill      the skill a technician needs to work on it
     * @param sizes      the sizes its models come in, in {@code unit}
     * @param mobile     whether some units are mobile (no fixed address)
     * @param warrantyMonths the manufacturer's warranty
     */
    record Family(String code, String group, Map<String, String> names, String skill, int[] sizes, String unit,
                  boolean mobile, int warrantyMonths) {

        String name() {
            return names.get("en");
        }

        /** The name inside a sentence: "condensing boiler", but "UPS". */
        String lowerName() {
            return name().equals(name().toUpperCase(Locale.ROOT)) ? name() : name().toLowerCase(Locale.ROOT);
        }
    }

    /** A brand, its serial-number prefix, its model series letters and the families it makes. */
    record Brand(String code, String name, String prefix, String series, List<String> families) {
    }

    static final List<Skill> SKILLS = List.of(
            new Skill("GAS", "Gas appliances", "Certified for gas-fired boilers and burners",
                    "Appareils au gaz", "Gastoestellen"),
            new Skill("HVAC", "HVAC and ventilation", "Air handling, ventilation and hydronic systems",
                    "HVAC et ventilation", "HVAC en ventilatie"),
            new Skill("REFRIG", "Refrigeration (F-gas)", "F-gas certified: heat pumps, chillers, cold rooms",
                    "Froid (gaz F)", "Koeltechniek (F-gassen)"),
            new Skill("LIFT", "Lifts and escalators", "Lift and escalator maintenance and rescue",
                    "Ascenseurs et escalators", "Liften en roltrappen"),
            new Skill("ELEC", "Electrical (LV/HV)", "Low- and high-voltage installations, UPS, generators, inverters",
                    "Électricité (BT/HT)", "Elektriciteit (LS/HS)"),
            new Skill("COMPAIR", "Compressed air", "Compressors, dryers and air networks",
                    "Air comprimé", "Perslucht"),
            new Skill("FIRE", "Fire safety systems", "Sprinklers, fire alarm panels and detection",
                    "Sécurité incendie", "Brandbeveiliging"));

    static final List<Group> GROUPS = List.of(
            new Group("HVAC", "Heating, ventilation and air conditioning"),
            new Group("LIFTS", "Vertical transport"),
            new Group("ENERGY", "Energy and power"),
            new Group("AIR", "Compressed air"),
            new Group("FIRE", "Fire safety"),
            new Group("COLD", "Refrigeration"));

    static final List<Family> FAMILIES = List.of(
            family("BOILER", "HVAC", "GAS", "Condensing boiler", "Chaudière à condensation", "Condensatieketel",
                    "Brennwertkessel", new int[] {24, 35, 65, 120}, "kW", false, 24),
            family("HEATPUMP", "HVAC", "REFRIG", "Heat pump", "Pompe à chaleur", "Warmtepomp", "Wärmepumpe",
                    new int[] {8, 12, 16, 40}, "kW", false, 36),
            family("AHU", "HVAC", "HVAC", "Air handling unit", "Centrale de traitement d'air", "Luchtbehandelingskast",
                    "Lüftungsgerät", new int[] {2000, 5000, 12000}, "m³/h", false, 24),
            family("CHILLER", "HVAC", "REFRIG", "Chiller", "Groupe froid", "Koelmachine", "Kaltwassersatz",
                    new int[] {150, 300, 600}, "kW", false, 24),
            family("PUMP", "HVAC", "HVAC", "Circulation pump", "Circulateur", "Circulatiepomp", "Umwälzpumpe",
                    new int[] {25, 40, 65}, "mm", false, 24),
            family("PLIFT", "LIFTS", "LIFT", "Passenger lift", "Ascenseur", "Personenlift", "Personenaufzug",
                    new int[] {630, 1000, 1600}, "kg", false, 24),
            family("GLIFT", "LIFTS", "LIFT", "Goods lift", "Monte-charge", "Goederenlift", "Lastenaufzug",
                    new int[] {1600, 2500, 5000}, "kg", false, 24),
            family("ESCAL", "LIFTS", "LIFT", "Escalator", "Escalier mécanique", "Roltrap", "Rolltreppe",
                    new int[] {600, 800, 1000}, "mm", false, 24),
            family("INVERTER", "ENERGY", "ELEC", "Solar inverter", "Onduleur solaire", "Omvormer", "Wechselrichter",
                    new int[] {10, 25, 50, 100}, "kW", false, 60),
            family("GENSET", "ENERGY", "ELEC", "Generator set", "Groupe électrogène", "Stroomgenerator",
                    "Stromaggregat", new int[] {60, 150, 400}, "kVA", true, 24),
            family("UPS", "ENERGY", "ELEC", "UPS", "Onduleur (ASI)", "UPS-systeem", "USV-Anlage",
                    new int[] {20, 60, 120}, "kVA", false, 36),
            family("COMPR", "AIR", "COMPAIR", "Screw compressor", "Compresseur à vis", "Schroefcompressor",
                    "Schraubenkompressor", new int[] {15, 37, 75}, "kW", true, 24),
            family("DRYER", "AIR", "COMPAIR", "Refrigerated air dryer", "Sécheur d'air frigorifique", "Koeldroger",
                    "Kältetrockner", new int[] {100, 250, 500}, "m³/h", false, 24),
            family("SPRINKLER", "FIRE", "FIRE", "Sprinkler pump set", "Groupe de pompage sprinkler", "Sprinklerpompgroep",
                    "Sprinklerpumpe", new int[] {50, 90, 150}, "m³/h", false, 24),
            family("FIREPANEL", "FIRE", "FIRE", "Fire alarm panel", "Centrale incendie", "Brandmeldcentrale",
                    "Brandmelderzentrale", new int[] {2, 8, 16}, "loops", false, 36),
            family("COLDROOM", "COLD", "REFRIG", "Cold room", "Chambre froide", "Koelcel", "Kühlraum",
                    new int[] {20, 60, 150}, "m³", false, 24),
            family("REEFER", "COLD", "REFRIG", "Transport refrigeration unit", "Groupe frigorifique de transport",
                    "Transportkoelunit", "Transportkühlaggregat", new int[] {8, 12, 16}, "kW", true, 24));

    static final List<Brand> BRANDS = List.of(
            new Brand("THERMALIS", "Thermalis", "THM", "BX", List.of("BOILER", "HEATPUMP", "PUMP")),
            new Brand("CALORIX", "Calorix", "CLX", "C", List.of("BOILER", "PUMP")),
            new Brand("NORDVENT", "Nordvent", "NVT", "NV", List.of("AHU", "CHILLER", "HEATPUMP")),
            new Brand("ASCENDO", "Ascendo", "ASC", "A", List.of("PLIFT", "GLIFT")),
            new Brand("LIFTWERK", "Liftwerk", "LWK", "LW", List.of("PLIFT", "ESCAL")),
            new Brand("VOLTARO", "Voltaro", "VLT", "V", List.of("UPS", "GENSET")),
            new Brand("HELION", "Helion Power", "HLP", "HP", List.of("INVERTER")),
            new Brand("AEROKOMP", "Aerokomp", "AKP", "AK", List.of("COMPR", "DRYER")),
            new Brand("PYROSAFE", "Pyrosafe", "PYS", "PS", List.of("SPRINKLER", "FIREPANEL")),
            new Brand("FROSTLINE", "Frostline", "FRL", "FL", List.of("COLDROOM", "REEFER", "CHILLER")));

    /** The languages the model texts are translated into (the V3 db_language codes). */
    static final List<String> LANGUAGES = List.of("en", "fr", "nl", "de");

    private Equipment() {
    }

    private static Family family(String code, String group, String skill, String en, String fr, String nl, String de,
                                 int[] sizes, String unit, boolean mobile, int warrantyMonths) {
        return new Family(code, group, Map.of("en", en, "fr", fr, "nl", nl, "de", de), skill, sizes, unit, mobile,
                warrantyMonths);
    }
}
