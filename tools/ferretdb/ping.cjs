// node ping.cjs <mongodb-url>: exits 0 when a MongoDB `ping` succeeds
// within two seconds, 1 otherwise. The start script polls with it.
const { MongoClient } = require('mongodb');

async function main(url) {
  const client = new MongoClient(url, {
    serverSelectionTimeoutMS: 2000,
    connectTimeoutMS: 2000,
  });
  try {
    await client.db('admin').command({ ping: 1 });
    return 0;
  } catch {
    return 1;
  } finally {
    await client.close().catch(() => undefined);
  }
}

main(process.argv[2]).then((code) => process.exit(code));
