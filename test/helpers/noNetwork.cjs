'use strict';
/**
 * Preload (`node --require test/helpers/noNetwork.cjs`, or NODE_OPTIONS) that makes every way out of the
 * process fail loudly and leaves a trace: TCP and IPC sockets (net), TLS, HTTP(S) and HTTP/2 clients, DNS,
 * UDP (dgram), WebSocket and fetch. Each attempt appends one JSON line to the file named by
 * ERA835_NET_LOG and throws, so a test can assert the file holds nothing but the "loaded" line.
 * The server's own stdio is untouched (it is set up by Node, not by connecting anywhere).
 */
const fs = require('node:fs');

const log = process.env.ERA835_NET_LOG;
const record = (entry) => {
  if (log) fs.appendFileSync(log, JSON.stringify({ pid: process.pid, ...entry }) + '\n');
};
record({ loaded: true });

function blocked(api) {
  return function networkBlocked(...args) {
    const target = args.map((a) => (typeof a === 'string' ? a : a && typeof a === 'object' ? (a.href || a.host || a.hostname || a.path || a.port || '') : String(a))).filter(Boolean).join(' ');
    record({ attempt: api, target: String(target).slice(0, 200), stack: new Error().stack.split('\n').slice(2, 6).join(' | ') });
    throw new Error(`network access blocked in tests: ${api}(${target})`);
  };
}

function replace(moduleName, names) {
  const mod = require(moduleName);
  for (const name of names) {
    if (typeof mod[name] === 'function') mod[name] = blocked(`${moduleName}.${name}`);
  }
  return mod;
}

const net = replace('node:net', ['connect', 'createConnection']);
net.Socket.prototype.connect = blocked('net.Socket.connect');
replace('node:tls', ['connect']);
replace('node:http', ['request', 'get']);
replace('node:https', ['request', 'get']);
replace('node:http2', ['connect']);
replace('node:dgram', ['createSocket']);
const dns = replace('node:dns', ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveNs', 'resolveTxt', 'resolveSrv', 'reverse']);
if (dns.promises) {
  for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) {
    if (typeof dns.promises[name] === 'function') dns.promises[name] = blocked(`dns.promises.${name}`);
  }
}
for (const name of ['fetch', 'WebSocket', 'EventSource']) {
  if (typeof globalThis[name] === 'function') globalThis[name] = blocked(`globalThis.${name}`);
}
