#!/usr/bin/env node
// The npm registry reachable from these machines serves only the linux-x64 builds of packages that
// ship one package per platform (@swc/core-darwin-arm64, ...). npm then leaves the others out of
// package-lock.json, and `npm ci` refuses the very lockfile `npm install` wrote ("Missing: ... from
// lock file"). This adds those optional entries back with their platform, so npm ci skips them on
// this machine and installs them where they exist. Run after `npm install` changes the lockfile.
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '../../package-lock.json');
const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
const packages = lock.packages;

const OS = ['darwin', 'linux', 'win32', 'freebsd', 'android', 'openharmony', 'netbsd', 'openbsd', 'sunos', 'aix'];
const CPU = ['x64', 'arm64', 'arm', 'ia32', 'ppc64', 'ppc64le', 's390x', 'riscv64', 'loong64', 'wasm32', 'mips64el'];

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((p) => OS.includes(p));
  const cpu = parts.find((p) => CPU.includes(p)) ?? (parts.includes('arm') ? 'arm' : undefined);
  const libc =
    parts.includes('musl') || parts.includes('musleabihf')
      ? 'musl'
      : parts.includes('gnu') || parts.includes('gnueabihf')
        ? 'glibc'
        : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [location, meta] of Object.entries(packages)) {
  for (const [dep, range] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${location ? location + '/' : ''}node_modules/${dep}`;
    if (packages[nested] || packages[`node_modules/${dep}`]) continue;
    const { os, cpu, libc } = platformOf(dep);
    if (!os && !cpu) continue; // not a per-platform build: leave it to npm
    const entry = { version: range.replace(/^[\^~=]/, ''), optional: true };
    if (cpu) entry.cpu = [cpu];
    if (os) entry.os = [os];
    if (libc && os === 'linux') entry.libc = [libc];
    packages[`node_modules/${dep}`] = entry;
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
fs.writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`added ${added} optional platform entries to package-lock.json`);
