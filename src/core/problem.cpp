#include "cjm/problem.hpp"

namespace cjm {

std::string Problem::toString() const
{
    if (line > 0)
        return "line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + message;
    if (!pointer.empty())
        return pointer + ": " + message;
    return message;
}

std::string formatProblem(const std::string &fileName, const Problem &problem)
{
    if (problem.line > 0)
        return fileName + ":" + std::to_string(problem.line) + ":" + std::to_string(problem.column) + ": " +
               problem.message;
    if (!problem.pointer.empty())
        return fileName + ": " + problem.pointer + ": " + problem.message;
    return fileName + ": " + problem.message;
}

} // namespace cjm
