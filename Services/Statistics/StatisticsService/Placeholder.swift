enum StatisticsPlaceholder {}
