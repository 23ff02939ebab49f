// MongoDB needs no schema migrations (Payload creates collections and indexes on connect);
// data-reshaping migrations for MongoDB would be listed here.
export const migrations = []
