package io.github.csmkit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates the demo's HubSpot UI export ({@code src/main/resources/demo/}): 60 companies and 500
 * contact rows, deterministic (fixed seed), with the problems real exports have: a UTF-8 BOM, CRLF
 * line ends, quoted cells with commas and line breaks, invalid and missing emails, the same person
 * twice with a different case of email, a row with the wrong number of cells, contacts whose
 * company has no company record, and contacts associated with two companies.
 *
 * <p>Regenerate: {@code java csm-cli/src/test/java/io/github/csmkit/cli/DemoDataGenerator.java
 * csm-cli/src/main/resources/demo} ({@code DemoDataTest} fails when the files and this class
 * differ).
 */
public final class DemoDataGenerator {
  static final String CRLF = "\r\n";
  static final String BOM = "\uFEFF";

  private static final String[] FIRST = {
    "James",
    "Mary",
    "Robert",
    "Patricia",
    "John",
    "Jennifer",
    "Michael",
    "Linda",
    "David",
    "Elizabeth",
    "William",
    "Barbara",
    "Richard",
    "Susan",
    "Joseph",
    "Jessica",
    "Thomas",
    "Sarah",
    "Charles",
    "Karen",
    "Daniel",
    "Nancy",
    "Matthew",
    "Lisa",
    "Anthony",
    "Betty",
    "Mark",
    "Sandra",
    "Priya",
    "Wei",
    "Aiko",
    "Lars",
    "Zoë",
    "José",
    "Fatima",
    "Olumide",
    "Siobhán",
    "Mateo",
    "Ingrid",
    "Hiro"
  };
  private static final String[] LAST = {
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Garcia",
    "Miller",
    "Davis",
    "Rodriguez",
    "Martinez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Wilson",
    "Anderson",
    "Thomas",
    "Taylor",
    "Moore",
    "Jackson",
    "Martin",
    "Lee",
    "Perez",
    "Thompson",
    "White",
    "Harris",
    "Sanchez",
    "Clark",
    "Ramirez",
    "Lewis",
    "Robinson",
    "O'Brien",
    "Nakamura",
    "Müller",
    "Okafor",
    "Kowalski",
    "Nguyen",
    "Patel",
    "Svensson",
    "Rossi",
    "Dubois"
  };
  private static final String[] WORD = {
    "Acme",
    "Globex",
    "Initech",
    "Umbrella",
    "Stark",
    "Wayne",
    "Hooli",
    "Vandelay",
    "Wonka",
    "Tyrell",
    "Cyberdyne",
    "Soylent",
    "Aperture",
    "Gringotts",
    "Oscorp",
    "Massive",
    "Blue Sun",
    "Monarch",
    "Nakatomi",
    "Pied Piper"
  };
  private static final String[] KIND = {
    "Corporation",
    "Industries",
    "Labs",
    "Group",
    "Systems",
    "Logistics",
    "Health",
    "Software",
    "Energy",
    "Foods"
  };
  private static final String[] INDUSTRY = {
    "Computer Software",
    "Information Technology and Services",
    "Hospital & Health Care",
    "Financial Services",
    "Retail",
    "Logistics and Supply Chain",
    "Renewables & Environment",
    "Food & Beverages",
    "Higher Education",
    "Marketing and Advertising"
  };
  private static final String[] LIFECYCLE = {
    "Subscriber",
    "Lead",
    "Marketing Qualified Lead",
    "Sales Qualified Lead",
    "Opportunity",
    "Customer",
    "Customer",
    "Customer",
    "Evangelist",
    "Other"
  };
  private static final String[] LEAD_STATUS = {
    "",
    "",
    "",
    "New",
    "Open",
    "In Progress",
    "Open Deal",
    "Unqualified",
    "Attempted to Contact",
    "Connected",
    "Bad Timing"
  };

  private DemoDataGenerator() {}

  /** Writes companies.csv and contacts.csv into the directory {@code args[0]}. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "csm-cli/src/main/resources/demo");
    Files.createDirectories(dir);
    for (Map.Entry<String, String> e : generate().entrySet()) {
      Files.writeString(dir.resolve(e.getKey()), e.getValue(), StandardCharsets.UTF_8);
    }
  }

  /** File name to content. */
  static Map<String, String> generate() {
    Random random = new Random(20260115L);
    List<String[]> companies = new ArrayList<>();
    Set<String> names = new HashSet<>();
    StringBuilder c = new StringBuilder(BOM);
    row(
        c,
        "Record ID",
        "Company name",
        "Company Domain Name",
        "Industry",
        "Number of Employees",
        "Website URL");
    for (int i = 0; companies.size() < 60; i++) {
      String name = WORD[random.nextInt(WORD.length)] + " " + KIND[random.nextInt(KIND.length)];
      if (!names.add(name)) {
        continue;
      }
      String id = String.valueOf(9_100_000_000L + companies.size() * 7919L);
      String domain = name.toLowerCase(Locale.ROOT).replace(" ", "") + ".example";
      int size = companies.size();
      if (size == 7) {
        name = "Smith, Jones & Partners"; // a comma inside a quoted cell
        domain = "smithjones.example";
      }
      String employees = String.valueOf(5 + random.nextInt(5000));
      if (size == 11) {
        employees = "1,250"; // thousands separator, as the UI exports it
      } else if (size == 12) {
        employees = "";
      }
      String displayName = size == 23 ? "" : name; // no name: the domain names the organization
      companies.add(new String[] {id, name, domain});
      row(
          c,
          id,
          displayName,
          domain,
          INDUSTRY[random.nextInt(INDUSTRY.length)],
          employees,
          size == 30 ? "" : "https://www." + domain);
    }

    StringBuilder k = new StringBuilder(BOM);
    row(
        k,
        "Record ID",
        "First Name",
        "Last Name",
        "Email",
        "Phone Number",
        "Company Name",
        "Lifecycle Stage",
        "Lead Status",
        "Associated Company IDs");
    Set<String> emails = new HashSet<>();
    List<String> kept = new ArrayList<>();
    String[] noRecord = {"Northwind Traders", "Contoso Ltd", "Freelance"};
    for (int n = 0; n < 500; n++) {
      String id = String.valueOf(51_000L + n * 13L);
      String first = FIRST[random.nextInt(FIRST.length)];
      String last = LAST[random.nextInt(LAST.length)];
      String[] company = companies.get(random.nextInt(companies.size()));
      String companyName = company[1];
      String companyIds = company[0];
      String domain = company[2];
      if (n % 97 == 40) { // two companies
        String[] other = companies.get((random.nextInt(companies.size())));
        if (other != company) {
          companyIds = company[0] + ";" + other[0];
        }
      }
      if (n % 50 == 25) { // a company name with no company record
        companyName = noRecord[n / 50 % noRecord.length];
        companyIds = "";
        domain = companyName.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + ".example";
      }
      String local = ascii(first) + "." + ascii(last);
      String email = local + "@" + domain;
      for (int i = 2; !emails.add(email); i++) {
        email = local + i + "@" + domain;
      }
      String phone =
          random.nextInt(3) == 0
              ? ""
              : String.format(Locale.ROOT, "+1-555-%04d", random.nextInt(10_000));
      if (n == 77) {
        phone = "+44 20 7946 0958\next. 12"; // a line break inside a quoted cell
      }
      String lifecycle = LIFECYCLE[random.nextInt(LIFECYCLE.length)];
      String leadStatus = LEAD_STATUS[random.nextInt(LEAD_STATUS.length)];

      switch (n) {
        case 31, 152, 288, 431 ->
            email =
                new String[] {
                      "maria.garcia@",
                      "tom at initech.example",
                      "jane@@globex.example",
                      "first.last@example"
                    }
                    [List.of(31, 152, 288, 431).indexOf(n)];
        case 64, 203, 377 -> email = ""; // no email: cannot become a customer
        case 120, 240, 360, 480 ->
            email =
                kept.get(n / 7).toUpperCase(Locale.ROOT).substring(0, 1)
                    + kept.get(n / 7).substring(1); // the same person again, email in another case
        default -> kept.add(email);
      }
      if (n == 333) { // a row with cells missing
        row(k, id, first, last, email);
        continue;
      }
      row(k, id, first, last, email, phone, companyName, lifecycle, leadStatus, companyIds);
    }
    Map<String, String> files = new LinkedHashMap<>();
    files.put("companies.csv", c.toString());
    files.put("contacts.csv", k.toString());
    return files;
  }

  private static String ascii(String s) {
    return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)
        .replaceAll("[^A-Za-z]", "")
        .toLowerCase(Locale.ROOT);
  }

  private static void row(StringBuilder out, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append('"').append(cells[i].replace("\"", "\"\"")).append('"');
    }
    out.append(CRLF);
  }
}
