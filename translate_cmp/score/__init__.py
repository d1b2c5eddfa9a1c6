"""The score stage: sacrebleu metrics, the word diff, and the review-priority risk."""
