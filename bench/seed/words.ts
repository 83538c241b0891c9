// The vocabulary of the seeded tenants: company and people names, products,
// characteristics with believable tolerances, and the sentences quality
// people write to each other. Enough variety that pages do not look cloned.
import type { Rng } from "./random.ts";

export const IMPORTER_PREFIXES = [
  "Northwind",
  "Bluebird",
  "Harbor",
  "Maple",
  "Cedar",
  "Summit",
  "Lakeside",
  "Evergreen",
  "Copper",
  "Atlas",
  "Beacon",
  "Meridian",
  "Oakridge",
  "Riverstone",
  "Silverline",
  "Brightwater",
  "Pinecrest",
  "Redwood",
  "Sterling",
  "Westfield",
  "Fjord",
  "Alder",
  "Juniper",
  "Marlow",
  "Kestrel",
  "Lindqvist",
  "Hollis",
  "Aurora",
  "Tidewater",
  "Granite",
];
export const IMPORTER_SUFFIXES = [
  "Home Goods",
  "Outdoor",
  "Kitchenware",
  "Living",
  "Trading",
  "Retail Group",
  "Brands",
  "Supply Co.",
  "Housewares",
  "Sports",
  "Interiors",
  "Garden",
];

export const FACTORY_CITIES: { city: string; locale: "en" | "es" | "zh" }[] = [
  { city: "Dongguan", locale: "zh" },
  { city: "Ningbo", locale: "zh" },
  { city: "Shenzhen", locale: "zh" },
  { city: "Foshan", locale: "zh" },
  { city: "Xiamen", locale: "zh" },
  { city: "Yiwu", locale: "zh" },
  { city: "Suzhou", locale: "zh" },
  { city: "Qingdao", locale: "zh" },
  { city: "Guangzhou", locale: "zh" },
  { city: "Wenzhou", locale: "zh" },
  { city: "Jinhua", locale: "zh" },
  { city: "Taizhou", locale: "zh" },
  { city: "Binh Duong", locale: "en" },
  { city: "Hai Phong", locale: "en" },
  { city: "Dhaka", locale: "en" },
  { city: "Tirupur", locale: "en" },
  { city: "Izmir", locale: "en" },
  { city: "Bursa", locale: "en" },
  { city: "Penang", locale: "en" },
  { city: "Surabaya", locale: "en" },
  { city: "Monterrey", locale: "es" },
  { city: "Guadalajara", locale: "es" },
  { city: "Puebla", locale: "es" },
  { city: "León", locale: "es" },
];
export const FACTORY_TRADES = [
  "Ceramics",
  "Textile Works",
  "Plastics",
  "Metal Products",
  "Furniture",
  "Houseware",
  "Garment",
  "Electronics",
  "Packaging",
  "Leather Goods",
  "Glassware",
  "Woodcraft",
];
export const FACTORY_FORMS = ["Co., Ltd.", "Manufacturing", "Industrial", "Factory"];

export const FIRST_NAMES = [
  "Anna",
  "Ben",
  "Carla",
  "David",
  "Elena",
  "Farid",
  "Grace",
  "Hiro",
  "Ines",
  "Jonas",
  "Karin",
  "Liam",
  "Maya",
  "Nikolai",
  "Olivia",
  "Pedro",
  "Qing",
  "Rosa",
  "Sven",
  "Tara",
  "Umar",
  "Vera",
  "Wei",
  "Ximena",
  "Yusuf",
  "Zoe",
  "Li",
  "Mei",
  "Jun",
  "Lan",
  "Minh",
  "Thao",
  "Rahul",
  "Priya",
  "Ayesha",
  "Emre",
  "Selin",
  "Diego",
  "Lucía",
  "Mateo",
  "Sofía",
  "Hannah",
  "Lukas",
  "Marta",
  "Tomás",
  "Chen",
  "Xiu",
  "Hao",
];
export const LAST_NAMES = [
  "Andersson",
  "Becker",
  "Chen",
  "Dubois",
  "Evans",
  "Fischer",
  "García",
  "Huang",
  "Ivanova",
  "Jensen",
  "Kowalski",
  "Liu",
  "Martínez",
  "Nguyen",
  "Okafor",
  "Patel",
  "Rossi",
  "Schmidt",
  "Tanaka",
  "Uddin",
  "Vargas",
  "Wang",
  "Yilmaz",
  "Zhang",
  "Lin",
  "Tran",
  "Hernández",
  "Novak",
  "Müller",
  "O'Brien",
  "Khan",
  "Sato",
  "Park",
  "Silva",
  "Ramos",
  "Zhou",
  "Wu",
  "Pham",
  "Demir",
  "Kaya",
  "López",
  "Moreau",
  "Hansen",
];

export interface ProductTemplate {
  code: string;
  titles: string[];
  sizes: string[];
  materials: { material: string; grade: string; source: string }[];
}

export const PRODUCTS: ProductTemplate[] = [
  {
    code: "MUG",
    titles: ["Stoneware mug", "Porcelain mug", "Espresso cup", "Travel mug"],
    sizes: ["250 ml", "350 ml", "450 ml"],
    materials: [
      { material: "Stoneware clay body", grade: "Fired at 1230 °C", source: "Factory's approved supplier" },
      { material: "Lead- and cadmium-free glaze", grade: "Food contact", source: "EN 1388-1" },
      { material: "Porcelain body", grade: "Fired at 1280 °C", source: "Jingdezhen kaolin" },
    ],
  },
  {
    code: "TEE",
    titles: ["Crew-neck T-shirt", "V-neck T-shirt", "Long-sleeve tee", "Kids' T-shirt"],
    sizes: ["S", "M", "L", "XL"],
    materials: [
      { material: "Combed cotton jersey", grade: "180 g/m²", source: "OEKO-TEX Standard 100" },
      { material: "Rib knit collar", grade: "1x1 rib", source: "Same dye lot as body" },
      { material: "Polyester sewing thread", grade: "Tex 27", source: "Coats or equal" },
    ],
  },
  {
    code: "CHR",
    titles: ["Oak dining chair", "Stacking chair", "Bar stool", "Folding chair"],
    sizes: ["45 cm seat", "65 cm seat", "75 cm seat"],
    materials: [
      { material: "Solid oak", grade: "FSC certified, kiln dried to 8–10 %", source: "European oak" },
      { material: "Water-based lacquer", grade: "Matt, 10 gloss units", source: "EN 71-3 compliant" },
      { material: "Steel frame tube", grade: "Q235, 1.2 mm wall", source: "Powder coated" },
    ],
  },
  {
    code: "LMP",
    titles: ["Table lamp", "Floor lamp", "Desk lamp", "Pendant lamp"],
    sizes: ["E27", "E14", "LED 8 W"],
    materials: [
      { material: "Aluminium shade", grade: "6063-T5", source: "Anodised" },
      { material: "PVC power cord", grade: "H03VVH2-F 2x0.75", source: "VDE approved" },
      { material: "Linen shade fabric", grade: "Fire retardant", source: "BS 5867" },
    ],
  },
  {
    code: "BPK",
    titles: ["Daypack", "Laptop backpack", "Roll-top backpack", "Kids' backpack"],
    sizes: ["15 l", "22 l", "28 l"],
    materials: [
      { material: "Recycled polyester 600D", grade: "PU coated, 1000 mm", source: "GRS certified" },
      { material: "YKK zipper", grade: "#5 coil", source: "YKK" },
      { material: "EVA back padding", grade: "8 mm", source: "Factory's approved supplier" },
    ],
  },
  {
    code: "BTL",
    titles: ["Insulated bottle", "Glass water bottle", "Sports bottle"],
    sizes: ["500 ml", "750 ml", "1 l"],
    materials: [
      { material: "Stainless steel 18/8", grade: "SUS304", source: "Mill certificate per lot" },
      { material: "Tritan copolyester", grade: "BPA free", source: "Eastman" },
      { material: "Silicone seal", grade: "Food grade, LFGB", source: "Factory's approved supplier" },
    ],
  },
  {
    code: "TWL",
    titles: ["Bath towel", "Hand towel", "Beach towel", "Kitchen towel"],
    sizes: ["50x100 cm", "70x140 cm", "90x170 cm"],
    materials: [
      { material: "Cotton terry", grade: "500 g/m²", source: "BCI cotton" },
      { material: "Woven label", grade: "Satin", source: "Care label per EU 1007/2011" },
    ],
  },
  {
    code: "PAN",
    titles: ["Frying pan", "Sauté pan", "Saucepan", "Wok"],
    sizes: ["20 cm", "24 cm", "28 cm"],
    materials: [
      { material: "Forged aluminium", grade: "3003", source: "Mill certificate per lot" },
      { material: "Non-stick coating", grade: "PFOA free, 3 layers", source: "Whitford or equal" },
      { material: "Bakelite handle", grade: "Heat resistant to 180 °C", source: "Factory's approved supplier" },
    ],
  },
  {
    code: "TOY",
    titles: ["Wooden train set", "Stacking blocks", "Plush bear", "Puzzle board"],
    sizes: ["12 pcs", "24 pcs", "30 cm"],
    materials: [
      { material: "Beech wood", grade: "Kiln dried", source: "FSC certified" },
      { material: "Water-based paint", grade: "EN 71-3", source: "Factory's approved supplier" },
      { material: "Polyester fibre fill", grade: "Virgin, 7D", source: "EN 71-2" },
    ],
  },
  {
    code: "BOX",
    titles: ["Storage box", "Lunch box", "Shoe box", "Drawer organiser"],
    sizes: ["5 l", "12 l", "30 l"],
    materials: [
      { material: "Polypropylene", grade: "Homopolymer, food contact", source: "Virgin resin only" },
      { material: "Masterbatch", grade: "Pantone match", source: "Approved colour standard" },
    ],
  },
];

export interface VariableTemplate {
  name: string;
  unit: string;
  /** Nominal range, in the unit. */
  nominal: [number, number];
  /** Decimals the drawing is written with. */
  decimals: number;
  /** Typical tolerance, in units of the last decimal. */
  tol: [number, number];
  method: string;
}

export const VARIABLES: VariableTemplate[] = [
  { name: "Overall height", unit: "mm", nominal: [40, 900], decimals: 1, tol: [3, 20], method: "Height gauge on a flat plate" },
  { name: "Overall width", unit: "mm", nominal: [40, 600], decimals: 1, tol: [3, 20], method: "Steel rule, widest point" },
  { name: "Overall length", unit: "mm", nominal: [60, 1200], decimals: 1, tol: [5, 30], method: "Tape measure, flat on the table" },
  { name: "Depth", unit: "mm", nominal: [20, 500], decimals: 1, tol: [3, 15], method: "Depth gauge" },
  { name: "Wall thickness", unit: "mm", nominal: [1, 8], decimals: 2, tol: [5, 30], method: "Calliper, 4 points around" },
  { name: "Rim outer diameter", unit: "mm", nominal: [50, 300], decimals: 2, tol: [10, 50], method: "Calliper, 3 points around the rim" },
  { name: "Hole diameter", unit: "mm", nominal: [3, 25], decimals: 2, tol: [2, 15], method: "Pin gauge" },
  { name: "Thread pitch", unit: "mm", nominal: [1, 3], decimals: 2, tol: [1, 5], method: "Thread gauge" },
  { name: "Base flatness", unit: "mm", nominal: [0, 0], decimals: 2, tol: [10, 50], method: "Feeler gauge on a surface plate" },
  { name: "Weight", unit: "g", nominal: [80, 3000], decimals: 0, tol: [5, 60], method: "Calibrated scale, 0.1 g" },
  { name: "Capacity to brim", unit: "ml", nominal: [200, 1500], decimals: 0, tol: [5, 25], method: "Fill with water at 20 °C, weigh" },
  { name: "Fabric weight", unit: "g/m²", nominal: [120, 520], decimals: 0, tol: [5, 20], method: "Circle cutter, 100 cm², scale" },
  { name: "Chest width", unit: "cm", nominal: [44, 64], decimals: 1, tol: [5, 15], method: "Flat, 2 cm below armhole" },
  { name: "Body length", unit: "cm", nominal: [64, 80], decimals: 1, tol: [5, 15], method: "High point shoulder to hem" },
  { name: "Sleeve length", unit: "cm", nominal: [18, 64], decimals: 1, tol: [5, 10], method: "Shoulder seam to cuff" },
  { name: "Seam allowance", unit: "mm", nominal: [6, 12], decimals: 1, tol: [5, 10], method: "Steel rule at 5 points" },
  { name: "Stitches per 3 cm", unit: "", nominal: [10, 14], decimals: 0, tol: [1, 2], method: "Count on the main seam" },
  { name: "Shrinkage after wash", unit: "%", nominal: [0, 0], decimals: 1, tol: [20, 50], method: "ISO 6330, 3 washes at 40 °C" },
  { name: "Colour difference ΔE", unit: "", nominal: [0, 0], decimals: 2, tol: [50, 150], method: "Spectrophotometer against the approved standard, D65" },
  { name: "Seat height", unit: "mm", nominal: [430, 780], decimals: 0, tol: [3, 10], method: "Floor to top of seat at the front edge" },
  { name: "Moisture content", unit: "%", nominal: [8, 10], decimals: 1, tol: [5, 20], method: "Pin moisture meter, 3 points" },
  { name: "Coating thickness", unit: "µm", nominal: [30, 120], decimals: 0, tol: [5, 20], method: "Elcometer, 5 points" },
  { name: "Gloss", unit: "GU", nominal: [10, 80], decimals: 0, tol: [3, 10], method: "60° gloss meter" },
  { name: "Cord length", unit: "mm", nominal: [1500, 2500], decimals: 0, tol: [20, 50], method: "Tape measure, plug to strain relief" },
  { name: "Luminous flux", unit: "lm", nominal: [400, 1600], decimals: 0, tol: [20, 80], method: "Integrating sphere" },
  { name: "Zipper pull force", unit: "N", nominal: [5, 15], decimals: 1, tol: [10, 30], method: "Push-pull gauge" },
  { name: "Base diameter", unit: "mm", nominal: [60, 280], decimals: 1, tol: [3, 15], method: "Calliper" },
  { name: "Lid gap", unit: "mm", nominal: [0, 1], decimals: 2, tol: [10, 30], method: "Feeler gauge at 4 corners" },
  { name: "Carton gross weight", unit: "kg", nominal: [5, 22], decimals: 1, tol: [3, 10], method: "Platform scale" },
  { name: "Temperature after 6 h", unit: "°C", nominal: [60, 75], decimals: 0, tol: [2, 5], method: "Fill with 95 °C water, probe after 6 h" },
];

/** Requirements written as a minimum ("at least 50 N"): only a lower limit. */
export const MINIMUMS: VariableTemplate[] = [
  { name: "Handle pull strength", unit: "N", nominal: [30, 120], decimals: 0, tol: [0, 0], method: "Pull gauge, 10 s hold" },
  { name: "Seam strength", unit: "N", nominal: [80, 250], decimals: 0, tol: [0, 0], method: "ISO 13935-2 grab test" },
  { name: "Drop test height", unit: "cm", nominal: [60, 120], decimals: 0, tol: [0, 0], method: "Packed carton, corner-edge-faces" },
  { name: "Static load", unit: "kg", nominal: [100, 150], decimals: 0, tol: [0, 0], method: "EN 12520, 10 cycles" },
  { name: "Colour fastness to rubbing", unit: "grade", nominal: [3, 4], decimals: 1, tol: [0, 0], method: "ISO 105-X12, dry and wet" },
];

export const ATTRIBUTES: { name: string; method: string }[] = [
  { name: "Glaze surface", method: "No crawling, pinholes or drips visible at 50 cm" },
  { name: "Colour against approved standard", method: "Light box, D65, side by side" },
  { name: "Logo print", method: "Sharp, centred, no smudges; tape test passes" },
  { name: "Packaging marks", method: "Product code, quantity and gross weight on two sides" },
  { name: "Loose threads", method: "None longer than 5 mm on the outside" },
  { name: "Surface scratches", method: "None visible at arm's length under shop light" },
  { name: "Assembly instructions included", method: "One leaflet per box, correct language set" },
  { name: "Smell", method: "No chemical odour when opened" },
  { name: "Barcode scans", method: "Scanner reads EAN-13 first time, grade C or better" },
  { name: "Sharp edges", method: "EN 71-1 sharp edge tester" },
  { name: "Care label", method: "Sewn in left side seam, text matches artwork" },
  { name: "Wobble", method: "Stands on a flat plate without rocking" },
];

export const PACKAGING = [
  "Each piece in a polybag with suffocation warning, 24 pieces per export carton. Carton marks: product code, quantity, gross weight.",
  "Individual white box with cardboard insert, 12 boxes per master carton, cartons taped H-style.",
  "Flat-packed in a brown carton with corner protectors, one set per carton, assembly bag taped inside.",
  "Retail box per approved artwork, 6 per inner, 4 inners per master carton. No staples.",
  "Folded with tissue, hang tag on the left side, 10 per polybag, 50 per carton.",
];

export const DESCRIPTIONS = [
  "Core range item, sold in all markets.",
  "Seasonal item for the spring catalogue.",
  "Private-label item for a retail partner; artwork supplied by the importer.",
  "Replacement for an earlier model with improved tolerances.",
  "Online-only item; packaging must survive parcel shipping.",
];

export const VERSION_NOTES = [
  "Tightened tolerances after the last production run.",
  "Added a packaging drop test.",
  "Clarified the measuring method on two characteristics.",
  "New colour standard approved.",
  "Material grade updated after the supplier change.",
  "",
];

export const QUESTIONS = [
  "Is the handle pull test done before or after glazing?",
  "Which tolerance applies to the rim: the drawing or the table?",
  "Can we use an equivalent zipper from our current supplier?",
  "Should the colour be checked under D65 or TL84?",
  "Is the weight measured with or without the packaging?",
  "Do you want the drop test on every carton size?",
];

export const ROOT_CAUSE_CATEGORIES = ["UNCLEAR_INSTRUCTION", "PROCESS_STEP", "MATERIAL_VARIATION", "SKIPPED_CHECK", "EQUIPMENT", "TRAINING", "OTHER"] as const;

export const PROBLEMS = [
  "{c} out of tolerance on {n} of {m} samples in the first article.",
  "Customer returns mention {c}; we found the same on goods in our warehouse.",
  "Incoming inspection found {c} outside the limit on lot {lot}.",
  "Colour of lot {lot} does not match the approved standard.",
  "Cartons of lot {lot} arrived crushed; packaging did not follow the spec.",
  "{c} varies a lot between samples; the process does not look stable.",
];

export const CONTAINMENT = [
  "All stock in the warehouse sorted; {n} pieces held.",
  "Production stopped on line 2 until the cause is found; finished goods re-inspected 100 %.",
  "Lot quarantined, customer shipment delayed by one week.",
  "Extra inspection step added at packing until the fix is in place.",
];

export const ROOT_CAUSES = [
  "The forming die was worn; it had not been replaced on schedule.",
  "The new operator measured at the wrong point because the work instruction had no picture.",
  "The raw material lot had a different shrinkage; the kiln curve was not adjusted.",
  "The in-process check was skipped during the night shift to catch up on output.",
  "The calliper used at the line was out of calibration.",
  "The spec and the old work instruction gave different tolerances.",
];

export const ACTIONS = [
  "Replace the forming die and add it to the maintenance plan",
  "Update the work instruction with photos of the measuring points",
  "Train all operators on the new instruction and sign the record",
  "Add an incoming check on material shrinkage per lot",
  "Calibrate all callipers and add labels with the next due date",
  "Add a first-piece check at every shift start",
  "Change the carton to double-wall and repeat the drop test",
];

export const ACTION_OWNERS = ["Line supervisor", "QC manager", "Production manager", "Maintenance lead", "Warehouse lead", "Engineering"];

export const DECISION_NOTES = {
  REJECTED: [
    "Out of tolerance on the characteristics listed below. Please check the tooling before the next round.",
    "Several readings are outside the limits. Please find the cause before you resubmit.",
    "Rejected: the critical characteristic fails on more than one sample.",
  ],
  CONDITIONALLY_APPROVED: [
    "Approved on condition that the next lot is measured again on the marked characteristic.",
    "OK to ship this lot. Please send the readings of the first 50 pieces of the next lot.",
    "Accepted with a deviation; the drawing will be updated in the next version.",
  ],
  APPROVED: ["Approved. Thank you for the complete report.", "All readings within tolerance. Approved.", ""],
};

const OPENERS = ["Hi all,", "Hello,", "Thanks for the update.", "Good morning,", "Quick question:", "Following up on this:", "", "", ""];
const LINES = [
  "Please confirm the tolerance on {c} before we start the production run.",
  "We measured {c} on {n} more samples and all are within the limit.",
  "The photos of the samples are in the first article; {c} looks fine to us.",
  "Can you share the measuring method you use for {c}? Our readings differ by about {d}.",
  "Our lab repeated the test and got the same result.",
  "The new tooling arrives next week; we will send samples right after.",
  "We changed the supplier of the raw material last month, that may explain it.",
  "Please use the approved colour standard from last season, not the new one.",
  "Agreed, we will update the work instruction and train the night shift.",
  "Shipment is planned for the end of the month if the first article is approved.",
  "Can we accept a deviation on {c} for this lot only?",
  "I checked with our engineer: the drawing is correct, the table had a typo.",
  "We added a first-piece check at every shift start.",
  "The readings on sample {n} look like a measuring error; can you check it again?",
  "Noted. We will keep an eye on {c} in the next lots.",
  "Internal note: this supplier has had the same issue twice this year.",
  "The carton drop test passed at 80 cm.",
  "Could you send a short video of how {c} is measured at the line?",
];
const CLOSERS = ["Thanks!", "Best regards.", "Let me know if you need anything else.", "", "", "", ""];

export function fill(template: string, rng: Rng, vars: { c?: string; lot?: string } = {}) {
  return template
    .replaceAll("{c}", vars.c ?? "the height")
    .replaceAll("{lot}", vars.lot ?? `L-${rng.int(100, 999)}`)
    .replaceAll("{n}", String(rng.int(2, 5)))
    .replaceAll("{m}", String(rng.int(5, 10)))
    .replaceAll("{d}", `${rng.int(1, 9) / 10} mm`);
}

/** A comment as people write them: a greeting now and then, one to four lines, sometimes a sign-off. */
export function commentBody(rng: Rng, characteristic: string) {
  const parts: string[] = [];
  const opener = rng.pick(OPENERS);
  if (opener) parts.push(opener);
  const lines = rng.int(1, rng.chance(0.15) ? 6 : 3);
  for (let i = 0; i < lines; i++) parts.push(fill(rng.pick(LINES), rng, { c: characteristic }));
  const closer = rng.pick(CLOSERS);
  if (closer) parts.push(closer);
  return parts.join(rng.chance(0.3) ? "\n\n" : " ");
}
