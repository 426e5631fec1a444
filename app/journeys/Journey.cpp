#include "Journey.h"

Journey::~Journey() = default;
