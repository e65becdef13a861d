// The team library's measures (issue #20, item 11): what one local PostgreSQL
// sustains, how fast a map opens from it, and how soon an edit made in one
// window is in the others' (through TeamClient, as the editor does, and
// through the bare library). Used by team_bench and by cjm-bench --only team.
// Prints one line per measure; timings pass or fail nothing.

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include "cjm/document_io.hpp"
#include "cjm/file_io.hpp"
#include "map_generator.hpp"
#include "team_bench_run.hpp"
#include "team_client.hpp"
#include "team_library.hpp"

using namespace cjm;
using namespace cjm::team;
using Clock = std::chrono::steady_clock;

namespace {

double millisecondsSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto at = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(at, values.size() - 1)];
}

Json setText(const std::string &card, std::string text)
{
    return {{"op", "set"}, {"entity", "card"}, {"id", card}, {"field", "text"}, {"value", std::move(text)}};
}

// Operations per second: `clients` connections appending change sets of
// `batch` operations each for `seconds`, to one map or each to its own
// (`ids` holds one map, or one per client). One map's appends are ordered by
// a lock held to each commit, so they are bound by the commit's fsync.
void operationsPerSecond(const std::string &db, const std::vector<std::string> &ids, const std::string &card,
                         int clients, int batch, double seconds)
{
    std::atomic<long> total{0};
    std::vector<std::thread> threads;
    const auto end = Clock::now() + std::chrono::duration<double>(seconds);
    const auto start = Clock::now();
    for (int c = 0; c < clients; ++c)
        threads.emplace_back([&, c] {
            TeamLibrary library(db);
            long n = 0;
            while (Clock::now() < end) {
                std::vector<Json> ops;
                for (int i = 0; i < batch; ++i)
                    ops.push_back(setText(card, "client " + std::to_string(c) + " op " + std::to_string(n + i)));
                library.append(ids[static_cast<std::size_t>(c) % ids.size()], ops);
                n += batch;
            }
            total += n;
        });
    for (auto &t : threads)
        t.join();
    const double elapsed = millisecondsSince(start) / 1000.0;
    std::printf("ops/s: %d clients on %s, %d per change set: %.0f operations/s (%ld in %.1f s)\n", clients,
                ids.size() == 1 ? "one map" : "a map each", batch, static_cast<double>(total) / elapsed, total.load(),
                elapsed);
}

// The time from one client's append until each of `listeners` others has it
// applied, over `rounds` edits.
void remoteLatency(const std::string &db, const std::string &id, const std::string &card, int listeners, int rounds)
{
    std::atomic<int> ready{0};
    std::atomic<bool> stop{false};
    std::atomic<Clock::rep> sentAt{0};
    std::vector<std::vector<double>> samples(static_cast<std::size_t>(listeners));
    std::vector<std::thread> threads;
    for (int l = 0; l < listeners; ++l)
        threads.emplace_back([&, l] {
            TeamLibrary library(db);
            library.listen();
            TeamMap map(library, id);
            long seen = map.seq();
            ++ready;
            while (!stop) {
                if (library.waitForChange(50).empty())
                    continue;
                map.sync();
                // One edit at a time: whatever moved the map on is the edit
                // sent at sentAt.
                if (map.seq() > seen) {
                    samples[static_cast<std::size_t>(l)].push_back(
                        std::chrono::duration<double, std::milli>(Clock::now().time_since_epoch() -
                                                                  Clock::duration(sentAt.load()))
                            .count());
                    seen = map.seq();
                }
            }
        });
    while (ready < listeners)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    TeamLibrary writer(db);
    for (int r = 0; r < rounds; ++r) {
        const auto start = Clock::now();
        sentAt = start.time_since_epoch().count();
        writer.append(id, {setText(card, "latency " + std::to_string(r))});
        // Wait for every listener (or 2 s) before the next edit.
        const auto deadline = start + std::chrono::seconds(2);
        while (Clock::now() < deadline) {
            bool all = true;
            for (const auto &s : samples)
                all = all && static_cast<int>(s.size()) > r;
            if (all)
                break;
            std::this_thread::sleep_for(std::chrono::microseconds(200));
        }
    }
    stop = true;
    for (auto &t : threads)
        t.join();
    std::vector<double> all;
    for (const auto &s : samples)
        all.insert(all.end(), s.begin(), s.end());
    std::printf("remote edit visible: %d listening clients: p50 %.1f ms, p99 %.1f ms (%zu of %d samples)\n", listeners,
                percentile(all, 0.5), percentile(all, 0.99), all.size(), listeners * rounds);
}

// The editor's path: one TeamClient submits and syncs an edit; each of
// `listeners` TeamClients (own threads, own journals) waits on its LISTEN
// socket, syncs, and has the edit in document(). From submit() to that.
void clientLatency(const std::string &db, const std::string &id, const std::string &card, int listeners, int rounds)
{
    const std::filesystem::path folder =
        std::filesystem::temp_directory_path() / ("cjm-team-bench-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    std::atomic<int> ready{0};
    std::atomic<bool> stop{false};
    std::atomic<Clock::rep> sentAt{0};
    std::vector<std::vector<double>> samples(static_cast<std::size_t>(listeners));
    std::vector<std::thread> threads;
    for (int l = 0; l < listeners; ++l)
        threads.emplace_back([&, l] {
            TeamClient client(ClientOptions{db, id, (folder / ("listener" + std::to_string(l))).string()});
            client.sync();
            std::int64_t seen = client.confirmedSeq();
            ++ready;
            while (!stop) {
                if (!client.waitForNews(50))
                    continue;
                client.sync();
                if (client.confirmedSeq() > seen) {
                    samples[static_cast<std::size_t>(l)].push_back(
                        std::chrono::duration<double, std::milli>(Clock::now().time_since_epoch() -
                                                                  Clock::duration(sentAt.load()))
                            .count());
                    seen = client.confirmedSeq();
                }
            }
        });
    while (ready < listeners)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    {
        TeamClient writer(ClientOptions{db, id, (folder / "writer").string()});
        for (int r = 0; r < rounds; ++r) {
            const auto start = Clock::now();
            sentAt = start.time_since_epoch().count();
            writer.submit({setText(card, "client latency " + std::to_string(r))});
            writer.sync();
            const auto deadline = start + std::chrono::seconds(2);
            while (Clock::now() < deadline) {
                bool all = true;
                for (const auto &s : samples)
                    all = all && static_cast<int>(s.size()) > r;
                if (all)
                    break;
                std::this_thread::sleep_for(std::chrono::microseconds(200));
            }
        }
    }
    stop = true;
    for (auto &t : threads)
        t.join();
    std::filesystem::remove_all(folder);
    std::vector<double> all;
    for (const auto &s : samples)
        all.insert(all.end(), s.begin(), s.end());
    std::printf("remote edit visible through TeamClient (submit -> other windows' document()): %d listening "
                "clients: p50 %.1f ms, p99 %.1f ms (%zu of %d samples)\n",
                listeners, percentile(all, 0.5), percentile(all, 0.99), all.size(), listeners * rounds);
}

double medianOf(int runs, const std::function<void()> &what)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        what();
        times.push_back(millisecondsSince(start));
    }
    return percentile(times, 0.5);
}

} // namespace

int runTeamBench(const std::string &db)
{
    try {
        // Opening a 10,000-card map: from a file, and from the server (one
        // snapshot; then one snapshot and a tail just short of compaction).
        const Document big = bench::generateMap(bench::shapeFor(10000));
        const std::filesystem::path file = std::filesystem::temp_directory_path() / "cjm-team-bench-10k.cjm";
        if (!defaultFileSystem().writeAtomically(file, writeDocument(big)).ok)
            throw std::runtime_error("cannot write " + file.string());
        TeamLibrary library(db);
        const std::string bigId = library.create(big);
        const double fromFile = medianOf(5, [&] { (void)readDocumentFile(file); });
        const double fromServer = medianOf(5, [&] { TeamMap map(library, bigId); });
        std::vector<Json> tail;
        for (std::int64_t i = 0; i < TeamMap::kSnapshotEvery - 1; ++i)
            tail.push_back(setText(big.cards()[static_cast<std::size_t>(i)].id, "tail " + std::to_string(i)));
        library.append(bigId, tail);
        const double withTail = medianOf(5, [&] { TeamMap map(library, bigId); });
        std::printf("open 10,000 cards: file %.0f ms, server %.0f ms (%.2fx), server with a %lld-operation tail "
                    "%.0f ms (%.2fx)\n",
                    fromFile, fromServer, fromServer / fromFile, static_cast<long long>(TeamMap::kSnapshotEvery - 1),
                    withTail, withTail / fromFile);
        std::filesystem::remove(file);

        const Document small = bench::generateMap(bench::shapeFor(200));
        const std::string id = library.create(small);
        const std::string card = small.cards().front().id;
        std::vector<std::string> eight;
        for (int i = 0; i < 8; ++i)
            eight.push_back(library.create(small));
        operationsPerSecond(db, {id}, card, 1, 1, 3);
        operationsPerSecond(db, {id}, card, 8, 1, 3);
        operationsPerSecond(db, eight, card, 8, 1, 3);
        operationsPerSecond(db, {id}, card, 8, 50, 3);
        remoteLatency(db, id, card, 2, 100);
        remoteLatency(db, id, card, 20, 100);
        clientLatency(db, id, card, 2, 100);
        clientLatency(db, id, card, 20, 100);
    } catch (const TeamError &error) {
        std::fprintf(stderr, "team_bench: %s\n", error.what());
        return 1;
    }
    return 0;
}
