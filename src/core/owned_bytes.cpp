#include "owned_bytes.hpp"

namespace cjm::detail {

std::size_t ownedBytes(const Json &json)
{
    // nlohmann keeps an object, an array or a string behind a pointer; an
    // ordered object is a vector of (key, value) pairs.
    switch (json.type()) {
    case Json::value_t::object: {
        const auto &object = json.get_ref<const Json::object_t &>();
        std::size_t bytes = sizeof(Json::object_t) + object.capacity() * sizeof(Json::object_t::value_type);
        for (const auto &[key, value] : object)
            bytes += ownedBytes(key) + ownedBytes(value);
        return bytes;
    }
    case Json::value_t::array: {
        const auto &array = json.get_ref<const Json::array_t &>();
        std::size_t bytes = sizeof(Json::array_t) + array.capacity() * sizeof(Json);
        for (const Json &value : array)
            bytes += ownedBytes(value);
        return bytes;
    }
    case Json::value_t::string: {
        const auto &text = json.get_ref<const std::string &>();
        return sizeof(std::string) + ownedBytes(text);
    }
    case Json::value_t::binary: return sizeof(Json::binary_t) + json.get_binary().capacity();
    default: return 0;
    }
}

std::size_t ownedBytes(const Image &image)
{
    return ownedBytes(image.mime) + ownedBytes(image.data) + ownedBytes(image.unknown);
}

std::size_t ownedBytes(const Audit &audit)
{
    return ownedBytes(audit.note) + ownedBytes(audit.reviewed) + ownedBytes(audit.unknown);
}

std::size_t ownedBytes(const Metric &metric) { return ownedBytes(metric.unit) + ownedBytes(metric.unknown); }

std::size_t ownedBytes(const Comment &comment)
{
    return ownedBytes(comment.author) + ownedBytes(comment.text) + ownedBytes(comment.time) +
           ownedBytes(comment.unknown);
}

// An entity: its id (and a card's place), which are no fields, and its fields.
std::size_t ownedBytes(const Journey &j) { return ownedBytes(j.id) + fieldsOwnedBytes(j, fields::journey::all); }
std::size_t ownedBytes(const Persona &p) { return ownedBytes(p.id) + fieldsOwnedBytes(p, fields::persona::all); }
std::size_t ownedBytes(const Stage &s) { return ownedBytes(s.id) + fieldsOwnedBytes(s, fields::stage::all); }
std::size_t ownedBytes(const Lane &l) { return ownedBytes(l.id) + fieldsOwnedBytes(l, fields::lane::all); }
std::size_t ownedBytes(const Card &c)
{
    return ownedBytes(c.id) + ownedBytes(c.persona) + ownedBytes(c.stage) + ownedBytes(c.lane) +
           fieldsOwnedBytes(c, fields::card::all);
}

} // namespace cjm::detail
