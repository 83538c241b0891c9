/** The id of the element a server-rendered page carries its words in (read by the browser and the benchmark). */
export const CATALOGUE_SCRIPT_ID = "catalogues";
