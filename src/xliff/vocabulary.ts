/** The XLIFF 2.0 core namespace. */
export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';
/** The XLIFF 2.0 Metadata module namespace: where a unit carries its section's source fingerprint. */
export const MDA_NS = 'urn:oasis:names:tc:xliff:metadata:2.0';
/** `<mda:metaGroup category>` of the metadata parallel-press writes and reads back. */
export const META_CATEGORY = 'parallel-press';
/** The XLIFF 2.0 Glossary module namespace: the termbase entries of each unit. */
export const GLS_NS = 'urn:oasis:names:tc:xliff:glossary:2.0';
