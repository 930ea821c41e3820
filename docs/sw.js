/* Outcomes Hub: keeps the session planner and its workshop pack working with no connection, after a
 * first visit (docs/browser-pack.md).
 *
 * Registered by planner.js, and only there. The planner page hands it the addresses to keep: the
 * page, what it has loaded, and the files a pack is made from (pack.js brings its parts, PACK_PARTS).
 * Requests are answered from the network whenever there is one (and what is kept is brought up to
 * date); the kept copy is used only when the network fails. Nothing is sent anywhere: it only
 * fetches this site's own files.
 */
"use strict";

const CACHE = "outcomes-hub-planner-v1";

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches
      .keys()
      .then(function (names) {
        return Promise.all(
          names
            .filter(function (name) {
              return name.startsWith("outcomes-hub-planner-") && name !== CACHE;
            })
            .map(function (name) {
              return caches.delete(name);
            }),
        );
      })
      .then(function () {
        return self.clients.claim();
      }),
  );
});

function ours(url) {
  return url.startsWith(self.registration.scope);
}

/* One copy of each file, whatever its ?v= or #... */
function key(url) {
  return url.split("#")[0].split("?")[0];
}

/* The parts pack.js loads as it runs (its PARTS, in the same folder): kept with it, since the page that
   hands over the addresses names only pack.js. */
const PACK_PARTS = [
  "pack-text.js", "pack-layout.js", "pack-drawing.js", "pack-document.js",
  "pack-front.js", "pack-build.js", "pack-star.js",
]; // prettier-ignore

function withPackParts(urls) {
  const all = urls.slice();
  urls.forEach(function (url) {
    const folder = key(url).replace(/\/javascripts\/pack\.js$/, "/javascripts/");
    if (folder === key(url)) return;
    PACK_PARTS.forEach(function (name) {
      if (!all.includes(folder + name)) all.push(folder + name);
    });
  });
  return all;
}

/* {keep: [address, ...]}: fetch and keep each of this site's files; answer {kept: n} when done. */
self.addEventListener("message", function (event) {
  const urls = withPackParts(((event.data && event.data.keep) || []).filter(ours));
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(
        urls.map(function (url) {
          return fetch(url, { cache: "no-cache" })
            .then(function (response) {
              if (!response.ok) return 0;
              return cache.put(key(url), response).then(function () {
                return 1;
              });
            })
            .catch(function () {
              return 0;
            });
        }),
      ).then(function (done) {
        const kept = done.reduce(function (sum, one) {
          return sum + one;
        }, 0);
        if (event.source) event.source.postMessage({ kept: kept, of: urls.length });
      });
    }),
  );
});

self.addEventListener("fetch", function (event) {
  const request = event.request;
  if (request.method !== "GET" || !ours(request.url)) return;
  event.respondWith(
    caches.open(CACHE).then(function (cache) {
      return fetch(request)
        .then(function (response) {
          /* what is kept is kept up to date */
          if (response.ok) {
            const copy = response.clone();
            cache.match(key(request.url)).then(function (kept) {
              if (kept) cache.put(key(request.url), copy);
            });
          }
          return response;
        })
        .catch(function () {
          return cache.match(key(request.url)).then(function (kept) {
            return kept || Response.error();
          });
        });
    }),
  );
});
