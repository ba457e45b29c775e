package io.keywarden.remote; final class Placeholder {}
