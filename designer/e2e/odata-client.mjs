// An OData client library against the API, as analysts' tools connect: Apache Olingo's odatajs (the ts-odatajs
// package, run in Node) reads the tenant's $metadata with its CSDL loader, then lists through it — filtered, ordered,
// paged by following @odata.nextLink, with $count and an expanded lookup — and runs an $apply groupby/aggregate with a
// filter after it. A salesperson's client sees only their own records and the e-mail addresses masked.
// Run: node e2e/odata-client.mjs (starts an API-only host from the Release build).
import odatajs from 'ts-odatajs';
import { ADMIN_PASSWORD, startHost } from './host.mjs';

const { oData } = odatajs;
const host = await startHost({ web: false });
const root = `${host.url}/api/demo/data`;
const stamp = Date.now().toString(36);
let passed = 0;
let failed = 0;

async function test(name, fn) {
  try { await fn(); passed++; console.log(`ok   ${name}`); }
  catch (e) { failed++; console.log(`FAIL ${name}\n${e.stack ?? e}`); }
}
function assert(cond, message) { if (!cond) throw new Error(message); }
function equal(actual, expected, message) {
  const [a, b] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== b) throw new Error(`${message}: expected ${b}, got ${a}`);
}

/** odatajs's read as a promise, with the caller's token and the OData version headers it sends itself. */
function read(token, requestUri, { handler, metadata } = {}) {
  return new Promise((resolve, reject) => oData.read(
    { requestUri, headers: { Authorization: `Bearer ${token}`, Accept: handler ? 'application/xml' : 'application/json;odata.metadata=minimal', 'OData-MaxVersion': '4.0' } },
    (data, response) => resolve({ data, response }),
    (error) => reject(new Error(`${requestUri}: ${error.message} ${error.response?.statusCode ?? ''} ${error.response?.body ?? ''}`)),
    handler, undefined, metadata));
}

/** Plain JSON calls for the set-up (users and records), outside the client under test. */
async function api(token, method, path, body) {
  const r = await fetch(`${host.url}/api/demo${path}`, {
    method, headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}
const tokenOf = async (username, password) => (await api(null, 'POST', '/auth/token', { username, password })).access_token;
const query = (entity, options) => `${root}/${entity}?${Object.entries(options).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}`;
const entityTypes = (metadata) => Object.fromEntries(metadata.dataServices.schema.flatMap((s) => s.entityType ?? []).map((t) => [t.name, t]));

try {
  const admin = await tokenOf('admin', ADMIN_PASSWORD);
  const sellerPassword = 'OData-Seller-pass-1!';
  await api(admin, 'POST', '/admin/users', { user_name: `seller${stamp}`, password: sellerPassword, roles: ['salesperson'], teams: [], business_unit: 'root' });
  const seller = await tokenOf(`seller${stamp}`, sellerPassword);
  const prefix = `OD${stamp} `;
  const acme = (await api(admin, 'POST', '/data/account', { name: `${prefix}Acme` })).id;
  const globex = (await api(admin, 'POST', '/data/account', { name: `${prefix}Globex` })).id;
  const people = [['Ada', acme], ['Bea', acme], ['Cy', globex], ['Dee', acme], ['Eve', globex]];
  for (const [name, account] of people) await api(admin, 'POST', '/data/contact', { full_name: prefix + name, account, email: `${name.toLowerCase()}@example.com` });
  const sellersAccount = (await api(seller, 'POST', '/data/account', { name: `${prefix}Seller's` })).id;
  await api(seller, 'POST', '/data/contact', { full_name: `${prefix}Sol`, account: sellersAccount, email: 'sol@example.com' });

  let metadata;
  await test('odatajs loads $metadata with its CSDL reader: a navigation with a referential constraint per lookup', async () => {
    const { data, response } = await read(admin, `${root}/$metadata`, { handler: oData.metadataHandler });
    metadata = data;
    equal(response.headers['odata-version'] ?? response.headers['OData-Version'], '4.0', 'OData-Version header');
    const contact = entityTypes(metadata).contact;
    assert(contact, 'contact entity type');
    equal(contact.key.propertyRef.map((k) => k.name), ['id'], 'key');
    const navigation = contact.navigationProperty.find((n) => n.name === 'account__ref');
    assert(navigation, 'account__ref navigation');
    equal(navigation.type, 'crm.account', 'navigation type');
    equal(navigation.referentialConstraint.map((c) => [c.property, c.referencedProperty]), [['account', 'id']], 'referential constraint');
  });

  await test('filtered, ordered, paged list: odatajs follows @odata.nextLink, reads @odata.count and types every row from the context URL', async () => {
    let url = query('contact', { $filter: `startswith(full_name,'${prefix}') and full_name ne '${prefix}Bea'`, $orderby: 'full_name desc', $top: 2, $count: 'true' });
    const names = [];
    let pages = 0;
    let count;
    while (url) {
      const { data } = await read(admin, url, { metadata });
      pages++;
      count ??= data['@odata.count'];
      for (const row of data.value) {
        equal(row['@odata.type'], '#crm.contact', 'row type from the context URL and the model');
        equal(row['account@odata.type'], '#Guid', 'a lookup is typed as its id');
        names.push(row.full_name.slice(prefix.length));
      }
      url = data['@odata.nextLink'];
      assert(!url || url.startsWith('http'), `absolute next link: ${url}`);
    }
    equal(count, 5, '@odata.count');
    equal(pages, 3, 'pages');
    equal(names, ['Sol', 'Eve', 'Dee', 'Cy', 'Ada'], 'rows over the pages');
  });

  // odatajs's own minimal-metadata typing knows structural properties only (it has no case for navigation or dynamic
  // properties), so expanded records and $apply results are read as the JSON the library parses, without its model.
  await test('$expand of a lookup answers the record under the navigation property $metadata names', async () => {
    const { data } = await read(admin, query('contact', { $filter: `startswith(full_name,'${prefix}')`, $orderby: 'full_name', $expand: 'account__ref($select=name)' }));
    equal(data.value.map((r) => r.account__ref?.name.slice(prefix.length)), ['Acme', 'Acme', 'Globex', 'Acme', 'Globex', "Seller's"], 'expanded accounts');
    for (const row of data.value) equal(row.account__ref.id, row.account, 'the expanded record is the one the lookup names');
  });

  await test('one record: odatajs reads it with its $entity context', async () => {
    const { data: list } = await read(admin, query('contact', { $filter: `full_name eq '${prefix}Ada'` }), { metadata });
    const { data } = await read(admin, `${root}/contact/${list.value[0].id}`, { metadata });
    equal(data['@odata.type'], '#crm.contact', 'entity type');
    equal(data.full_name, `${prefix}Ada`, 'the record');
  });

  await test('$apply groupby/aggregate with a filter after it runs on the server', async () => {
    const { data } = await read(admin, query('contact', {
      $apply: `filter(startswith(full_name,'${prefix}'))/groupby((account),aggregate($count as n))/filter(n ge 2)`, $orderby: 'n desc',
    }));
    equal(data.value.map((r) => [r.account, r.n]), [[acme, 3], [globex, 2]], 'groups with two or more contacts');
    assert(data['@odata.context'].endsWith('$metadata#contact(account,n)'), `context: ${data['@odata.context']}`);
  });

  await test("a salesperson's client sees only their records, e-mail masked, and aggregates only those", async () => {
    const { data: sellerMetadata } = await read(seller, `${root}/$metadata`, { handler: oData.metadataHandler });
    const email = entityTypes(sellerMetadata).contact.property.find((p) => p.name === 'email');
    assert(email.nullable !== 'false', `a masked field is nullable in the reader's model: ${JSON.stringify(email)}`);
    const { data } = await read(seller, query('contact', { $filter: `startswith(full_name,'${prefix}')`, $count: 'true' }), { metadata: sellerMetadata });
    equal(data.value.map((r) => r.full_name), [`${prefix}Sol`], 'own records only');
    equal(data['@odata.count'], 1, 'count of own records');
    assert(data.value[0].email !== 'sol@example.com', `e-mail masked: ${data.value[0].email}`);
    const { data: groups } = await read(seller, query('contact', { $apply: `filter(startswith(full_name,'${prefix}'))/aggregate($count as n)` }));
    equal(groups.value[0].n, 1, 'aggregates only what the reader may read');
  });
} finally {
  await host.stop();
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
