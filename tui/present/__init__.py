"""What both front ends show: verdict text, ordering, number/age/size formats, the JSON schema."""
