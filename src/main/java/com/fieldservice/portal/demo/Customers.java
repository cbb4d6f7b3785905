package com.fieldservice.portal.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * The customers: companies with their sites (addresses), contacts and installations. A site is
 * an installation of its own (the location), with the equipment under it (parent and root: the
 * site), some equipment with a component under it (parent: the equipment, root: the site); some
 * customers also have mobile installations, with no address. The first two customers are always
 * Acme Facilities and Globex Retail, whose contacts Alice and Bob sign in to the demo.
 */
final class Customers {

    static final String ACME_CODE = "ACME";
    static final String GLOBEX_CODE = "GLOBEX";
    static final UUID ALICE_CONTACT = DemoIds.of("contact", "alice");
    static final UUID BOB_CONTACT = DemoIds.of("contact", "bob");

    /** A customer, as the work-order generator needs it. */
    record Customer(int index, UUID id, String code, String name, Places.Country country, String domain,
                    List<Site> sites, List<UUID> contacts, int firstInstallation, int installationCount) {
    }

    record Site(UUID addressId, String kind, Places.Address address) {
    }

    /** An installation a job can be for: a site (no family), a piece of equipment, or a mobile unit (no address). */
    record Installation(UUID id, int customer, UUID addressId, Equipment.Family family, boolean mobile) {
    }

    /** Everything generated, in the order it was generated. */
    record Base(List<Customer> customers, List<Installation> installations, long addresses, long contacts) {
    }

    private static final CopyTable COMPANY = new CopyTable("company", "id", "code", "name", "sales_organization_id",
            "vat_reg_code", "email", "phone");
    private static final CopyTable ADDRESS = new CopyTable("db_address", "id", "code", "company_id", "name", "street",
            "street_number", "city", "zip", "db_country_id", "phone", "latitude_decimal", "longitude_decimal");
    private static final CopyTable CONTACT = new CopyTable("contact", "id", "reference_back_office", "company_id",
            "firstname", "lastname", "email", "phone", "mobile", "job_title", "portal_scope");
    private static final CopyTable PROJECT = new CopyTable("project", "id", "parent_id", "root_parent_id",
            "reference_back_office", "equipment_family_id", "equipment_model_id", "project_status_id", "company_id",
            "db_address_id", "location", "contact_id", "name", "description", "serial_number", "barcode",
            "date_start_production", "date_create", "warranty_date_until", "date_built", "is_mobile_installation");

    private static final List<Equipment.Family> FIXED_FAMILIES = Equipment.FAMILIES.stream()
            .filter(f -> !f.code().equals("PUMP")).toList();
    private static final List<Equipment.Family> MOBILE_FAMILIES = Equipment.FAMILIES.stream()
            .filter(Equipment.Family::mobile).toList();
    private static final Equipment.Family PUMP = Equipment.FAMILIES.stream()
            .filter(f -> f.code().equals("PUMP")).findFirst().orElseThrow();
    private static final Set<String> FAMILIES_WITH_PUMPS = Set.of("BOILER", "AHU", "CHILLER", "HEATPUMP");

    private final Handle handle;
    private final Lookups lookups;
    private final ReferenceRows.Ids reference;
    private final Timeline timeline;
    private final Dice dice;

    Customers(Handle handle, Lookups lookups, ReferenceRows.Ids reference, Timeline timeline, Dice dice) {
        this.handle = handle;
        this.lookups = lookups;
        this.reference = reference;
        this.timeline = timeline;
        this.dice = dice;
    }

    Base insert(int companyCount) {
        List<Customer> planned = plan(Math.max(2, companyCount));
        copyCompanies(planned);
        long addresses = copyAddresses(planned);
        handle.execute("UPDATE company c SET db_address_id = a.id FROM db_address a WHERE a.code = c.code || '-A1'");
        long contacts = copyContacts(planned);
        List<Installation> installations = new ArrayList<>();
        List<Customer> customers = copyInstallations(planned, installations);
        return new Base(customers, List.copyOf(installations), addresses, contacts);
    }

    /** The companies with their sites; contacts and installations are added as they are copied. */
    private List<Customer> plan(int count) {
        List<Customer> customers = new ArrayList<>(count);
        Set<String> names = new HashSet<>();
        for (int i = 0; i < count; i++) {
            Places.Country country = i == 0 ? Places.BELGIUM : i == 1 ? Places.UNITED_KINGDOM
                    : Places.COUNTRIES.get(dice.weighted(Places.CUSTOMER_SHARE));
            String code = i == 0 ? ACME_CODE : i == 1 ? GLOBEX_CODE : "C%06d".formatted(i + 1);
            String name = i == 0 ? "Acme Facilities" : i == 1 ? "Globex Retail" : companyName(country, names);
            String domain = i < 2 ? code.toLowerCase() + ".demo.test" : Person.plain(name) + ".demo.test";
            int siteCount = i < 2 ? 5 + i : dice.between(1, 7);
            List<Site> sites = new ArrayList<>(siteCount);
            for (int s = 0; s < siteCount; s++) {
                String kind = s == 0 ? "Head office" : i == 1 ? "Store" : dice.pick(Catalogue.SITE_KINDS.subList(1,
                        Catalogue.SITE_KINDS.size()));
                sites.add(new Site(DemoIds.of("address", code + "/" + s), kind, country.address(dice)));
            }
            customers.add(new Customer(i, DemoIds.of("company", code), code, name, country, domain, sites,
                    new ArrayList<>(), 0, 0));
        }
        return customers;
    }

    /** "Brightwater Logistics NV"; another city's name is added when that name is taken already. */
    private String companyName(Places.Country country, Set<String> taken) {
        String name = dice.pick(Catalogue.COMPANY_WORDS) + " " + dice.pick(Catalogue.SECTORS) + " "
                + dice.pick(country.legalForms());
        String candidate = name;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = name + " (" + dice.pick(country.cities()).name() + (n > 6 ? " " + n : "") + ")";
        }
        return candidate;
    }

    private void copyCompanies(List<Customer> customers) {
        COMPANY.copy(handle, row -> {
            for (Customer customer : customers) {
                row.uuid(customer.id()).text(customer.code()).text(customer.name())
                        .uuid(reference.salesOrganization(Places.COUNTRIES.indexOf(customer.country())))
                        .text(customer.country().vatNumber(dice)).text("info@" + customer.domain())
                        .text(customer.country().phone(dice));
                row.endRow();
            }
        });
    }

    private long copyAddresses(List<Customer> customers) {
        return ADDRESS.copy(handle, row -> {
            for (Customer customer : customers) {
                UUID country = Lookups.require(lookups.countries(), customer.country().code());
                for (int s = 0; s < customer.sites().size(); s++) {
                    Site site = customer.sites().get(s);
                    Places.Address address = site.address();
                    row.uuid(site.addressId()).text(customer.code() + "-A" + (s + 1)).uuid(customer.id())
                            .text(siteName(site)).text(address.street()).text(address.number())
                            .text(address.city()).text(address.zip()).uuid(country)
                            .text(customer.country().phone(dice))
                            .coordinate(address.latitude()).coordinate(address.longitude());
                    row.endRow();
                }
            }
        });
    }

    private long copyContacts(List<Customer> customers) {
        long[] number = {0};
        return CONTACT.copy(handle, row -> {
            for (Customer customer : customers) {
                int count = dice.between(2, 5);
                for (int c = 0; c < count; c++) {
                    boolean named = c == 0 && customer.index() < 2;
                    Person person = !named ? Person.of(customer.country(), dice)
                            : customer.index() == 0 ? new Person("Alice", "Janssens") : new Person("Bob", "Turner");
                    UUID id = !named ? DemoIds.of("contact", number[0]) : customer.index() == 0 ? ALICE_CONTACT : BOB_CONTACT;
                    String email = named ? person.firstname().toLowerCase() + "@" + customer.domain()
                            : person.handle() + "@" + customer.domain();
                    customer.contacts().add(id);
                    row.uuid(id).text("CT%07d".formatted(++number[0])).uuid(customer.id())
                            .text(person.firstname()).text(person.lastname()).text(email)
                            .text(customer.country().phone(dice)).text(customer.country().phone(dice))
                            .text(named ? "Facility manager" : dice.pick(Catalogue.CONTACT_TITLES))
                            .text(named || dice.chance(0.85) ? "company" : "own_requests");
                    row.endRow();
                }
            }
        });
    }

    /** Copies every customer's installations; returns the customers with their installation range. */
    private List<Customer> copyInstallations(List<Customer> planned, List<Installation> installations) {
        List<Customer> customers = new ArrayList<>(planned.size());
        UUID active = Lookups.require(lookups.projectStatuses(), "ACTIVE");
        PROJECT.copy(handle, row -> {
            InstallationWriter writer = new InstallationWriter(row, installations, active);
            for (Customer customer : planned) {
                int first = installations.size();
                for (Site site : customer.sites()) {
                    writer.site(customer, site);
                }
                int mobiles = customer.index() < 2 ? 2 : dice.chance(0.25) ? dice.between(1, 4) : 0;
                for (int m = 0; m < mobiles; m++) {
                    writer.mobile(customer);
                }
                customers.add(new Customer(customer.index(), customer.id(), customer.code(), customer.name(),
                        customer.country(), customer.domain(), customer.sites(), List.copyOf(customer.contacts()),
                        first, installations.size() - first));
            }
        });
        return List.copyOf(customers);
    }

    private static String siteName(Site site) {
        return site.kind().equals("Head office") ? "Head office" : site.kind() + " " + site.address().city();
    }

    /** Writes project rows and records each installation. */
    private final class InstallationWriter {
        private final CopyWriter row;
        private final List<Installation> installations;
        private final UUID activeStatus;

        InstallationWriter(CopyWriter row, List<Installation> installations, UUID activeStatus) {
            this.row = row;
            this.installations = installations;
            this.activeStatus = activeStatus;
        }

        void site(Customer customer, Site site) {
            UUID siteId = next(customer, site.addressId(), null, false);
            Instant opened = timeline.now().minusSeconds(86_400L * dice.between(700, 3000));
            row.uuid(siteId).nullField().nullField().text(reference()).nullField().nullField()
                    .uuid(activeStatus).uuid(customer.id()).uuid(site.addressId()).text(null)
                    .uuid(dice.pick(customer.contacts())).text(siteName(site))
                    .text(site.kind() + " of " + customer.name() + ", " + site.address().city())
                    .text(null).text(null).nullField().timestamp(opened).nullField().nullField().bool(false);
            row.endRow();
            for (int e = dice.between(2, 16); e > 0; e--) {
                Equipment.Family family = dice.pick(FIXED_FAMILIES);
                String location = dice.pick(Catalogue.PLANT_LOCATIONS);
                UUID equipmentId = equipment(customer, site.addressId(), family, siteId, siteId,
                        family.name() + " – " + location, location);
                if (FAMILIES_WITH_PUMPS.contains(family.code()) && dice.chance(0.25)) {
                    equipment(customer, site.addressId(), PUMP, equipmentId, siteId,
                            PUMP.name() + " of the " + family.lowerName() + " – " + location, location);
                }
            }
        }

        void mobile(Customer customer) {
            Equipment.Family family = dice.pick(MOBILE_FAMILIES);
            equipment(customer, null, family, null, null, family.name() + " (mobile) " + dice.letters(2) + "-"
                    + dice.between(10, 99), null);
        }

        private UUID equipment(Customer customer, UUID addressId, Equipment.Family family, UUID parent, UUID root,
                               String name, String location) {
            boolean mobile = addressId == null;
            UUID id = next(customer, addressId, family, mobile);
            ReferenceRows.Model model = dice.pick(reference.modelsByFamily().get(family.code()));
            LocalDate started = timeline.today().minusDays(dice.between(30, 5000));
            Instant startedAt = timeline.startOf(started);
            int number = installations.size();
            double fate = dice.fraction();
            String status = fate < 0.03 ? "REMOVED" : fate < 0.08 ? "STANDBY" : "ACTIVE";
            row.uuid(id).uuid(parent).uuid(root).text(reference())
                    .uuid(reference.families().get(family.code())).uuid(model.id())
                    .uuid(Lookups.require(lookups.projectStatuses(), status)).uuid(customer.id()).uuid(addressId)
                    .text(location).nullField().text(name)
                    .text(model.family().name() + " " + model.brand().name() + " " + model.brand().series() + " "
                            + model.size() + " " + family.unit())
                    .text("%s%02d-%06d".formatted(model.brand().prefix(), started.getYear() % 100, number))
                    .text(ean13(number))
                    .timestamp(startedAt).timestamp(startedAt.plusSeconds(86_400L * dice.between(0, 20)))
                    .timestamp(timeline.startOf(started.plusMonths(family.warrantyMonths())))
                    .date(started.minusDays(dice.between(20, 240))).bool(mobile);
            row.endRow();
            return id;
        }

        private UUID next(Customer customer, UUID addressId, Equipment.Family family, boolean mobile) {
            UUID id = DemoIds.of("installation", installations.size());
            installations.add(new Installation(id, customer.index(), addressId, family, mobile));
            return id;
        }

        private String reference() {
            return "INST-%07d".formatted(installations.size());
        }
    }

    /** A valid EAN-13 (Belgian prefix 54) made of the installation's number. */
    static String ean13(int number) {
        String digits = "54" + "%010d".formatted(number);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (digits.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return digits + (10 - sum % 10) % 10;
    }
}
